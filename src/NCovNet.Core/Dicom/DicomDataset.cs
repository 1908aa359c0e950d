using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NCovNet.Core.Dicom;

/// <summary>The attributes of one dataset (or sequence item), with typed accessors for the values this decoder needs.</summary>
internal sealed class DicomDataset
{
    private readonly Dictionary<DicomTag, DicomElement> elements = [];

    public DicomElement? Find(DicomTag tag) => elements.GetValueOrDefault(tag);

    /// <summary>Adds an element; a repeated tag keeps its first occurrence.</summary>
    public void Add(DicomElement element) => elements.TryAdd(element.Tag, element);

    public string? GetString(DicomTag tag)
    {
        var values = GetStrings(tag);
        return values.Count > 0 ? values[0] : null;
    }

    /// <summary>The backslash-separated values of a text attribute, each trimmed of padding; empty when absent.</summary>
    public IReadOnlyList<string> GetStrings(DicomTag tag)
    {
        if (Find(tag) is not DicomValue value || value.Bytes.IsEmpty)
        {
            return [];
        }

        var text = Encoding.ASCII.GetString(value.Bytes.Span);
        return text.Split('\\').Select(part => part.Trim(' ', '\0')).ToArray();
    }

    /// <summary>A US value, or null when absent or too short.</summary>
    public int? GetUInt16(DicomTag tag) => GetUInt16s(tag) is [var first, ..] ? first : null;

    public IReadOnlyList<int> GetUInt16s(DicomTag tag)
    {
        if (Find(tag) is not DicomValue value)
        {
            return [];
        }

        var span = value.Bytes.Span;
        var result = new int[span.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var word = span.Slice(i * 2, 2);
            result[i] = value.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(word) : BinaryPrimitives.ReadUInt16LittleEndian(word);
        }

        return result;
    }

    /// <summary>The first value of an IS attribute; null when absent or empty, malformed when not an integer.</summary>
    public int? GetIntegerString(DicomTag tag)
    {
        var text = GetString(tag);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw DicomErrors.Malformed($"{tag} is not an integer string");
    }

    /// <summary>The values of a DS attribute; empty when absent, malformed when a value is not a finite number.</summary>
    public IReadOnlyList<double> GetDecimals(DicomTag tag) =>
        GetStrings(tag)
            .Where(text => text.Length > 0)
            .Select(text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw DicomErrors.Malformed($"{tag} is not a decimal string"))
            .ToArray();

    public IReadOnlyList<DicomDataset> GetSequenceItems(DicomTag tag) =>
        Find(tag) is DicomSequence sequence ? sequence.Items : [];
}
