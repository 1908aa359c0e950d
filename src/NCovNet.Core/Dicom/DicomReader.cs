using System.Buffers.Binary;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Parses a DICOM dataset from bytes (PS3.5 chapter 7): implicit or explicit VR, either byte
/// order, defined and undefined lengths, nested sequences and encapsulated Pixel Data. Values
/// are slices of the input, never copies. Every loop consumes at least one header, so corrupt
/// input ends in a <see cref="RadiographDecodeException"/>, never a hang.
/// </summary>
internal sealed class DicomReader
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    private readonly ReadOnlyMemory<byte> data;
    private readonly DecodeLimits limits;
    private int position;

    private DicomReader(ReadOnlyMemory<byte> data, int start, DecodeLimits limits)
    {
        this.data = data;
        this.limits = limits;
        position = start;
    }

    /// <summary>Reads every element from <paramref name="start"/> to the end of <paramref name="data"/>.</summary>
    public static DicomDataset ReadDataset(ReadOnlyMemory<byte> data, int start, DicomEncoding encoding, DecodeLimits limits)
    {
        var reader = new DicomReader(data, start, limits);
        return reader.ReadElements(data.Length, encoding, depth: 0, untilItemDelimiter: false, stopBeforeGroup: null);
    }

    /// <summary>Reads the explicit VR little endian group 0002 at <paramref name="start"/>; returns it and where the dataset begins.</summary>
    public static (DicomDataset Meta, int DatasetStart) ReadFileMeta(ReadOnlyMemory<byte> data, int start, DecodeLimits limits)
    {
        var reader = new DicomReader(data, start, limits);
        var meta = reader.ReadElements(data.Length, DicomEncoding.ExplicitLittleEndian, depth: 0, untilItemDelimiter: false, stopBeforeGroup: 0x0002);
        return (meta, reader.position);
    }

    private DicomDataset ReadElements(int end, DicomEncoding encoding, int depth, bool untilItemDelimiter, ushort? stopBeforeGroup)
    {
        var dataset = new DicomDataset();
        while (position < end)
        {
            if (stopBeforeGroup is { } group && PeekGroup(end, encoding) != group)
            {
                return dataset;
            }

            var tag = ReadTag(end, encoding);
            if (tag == DicomTags.ItemDelimitation)
            {
                ReadUInt32(end, encoding);
                if (untilItemDelimiter)
                {
                    return dataset;
                }

                throw DicomErrors.Malformed($"item delimiter outside an item at byte {position - 8}");
            }

            if (tag.Group == 0xFFFE)
            {
                throw DicomErrors.Malformed($"unexpected delimiter {tag} at byte {position - 4}");
            }

            dataset.Add(ReadElement(tag, end, encoding, depth));
        }

        return untilItemDelimiter
            ? throw DicomErrors.Truncated("an item of undefined length has no item delimiter")
            : dataset;
    }

    private DicomElement ReadElement(DicomTag tag, int end, DicomEncoding encoding, int depth)
    {
        var (vr, length) = ReadVrAndLength(tag, end, encoding);
        if (length == UndefinedLength)
        {
            if (tag == DicomTags.PixelData)
            {
                return ReadFragments(tag, vr, end, encoding);
            }

            // Undefined length is only legal for SQ, UN (whose content is then implicit VR little
            // endian, PS3.5 6.2.2) and encapsulated Pixel Data; any other VR is read as a sequence.
            var itemEncoding = vr == DicomVr.UN ? DicomEncoding.ImplicitLittleEndian : encoding;
            return new DicomSequence(tag, vr, ReadSequenceItems(end, itemEncoding, depth, definedEnd: null));
        }

        var valueStart = position;
        var valueEnd = CheckedEnd(length, end, tag);
        if (vr == DicomVr.SQ || (vr == DicomVr.Unknown && tag != DicomTags.PixelData && StartsWithItem(valueStart, valueEnd, encoding)))
        {
            var items = ReadSequenceItems(valueEnd, encoding, depth, definedEnd: valueEnd);
            position = valueEnd;
            return new DicomSequence(tag, vr, items);
        }

        position = valueEnd;
        return new DicomValue(tag, vr, data[valueStart..valueEnd], encoding.BigEndian);
    }

    private List<DicomDataset> ReadSequenceItems(int end, DicomEncoding encoding, int depth, int? definedEnd)
    {
        if (depth + 1 > limits.MaxSequenceDepth)
        {
            throw new RadiographDecodeException(DecodeErrorCode.NestingTooDeep, $"DICOM sequences are nested deeper than {limits.MaxSequenceDepth} levels.");
        }

        var items = new List<DicomDataset>();
        while (definedEnd is null || position < definedEnd)
        {
            var tag = ReadTag(end, encoding);
            var length = ReadUInt32(end, encoding);
            if (tag == DicomTags.SequenceDelimitation)
            {
                return definedEnd is null ? items : throw DicomErrors.Malformed("sequence delimiter inside a sequence of defined length");
            }

            if (tag != DicomTags.Item)
            {
                throw DicomErrors.Malformed($"expected an item in a sequence, found {tag} at byte {position - 8}");
            }

            if (length == UndefinedLength)
            {
                items.Add(ReadElements(end, encoding, depth + 1, untilItemDelimiter: true, stopBeforeGroup: null));
                continue;
            }

            var itemEnd = CheckedEnd(length, end, DicomTags.Item);
            items.Add(ReadElements(itemEnd, encoding, depth + 1, untilItemDelimiter: false, stopBeforeGroup: null));
            position = itemEnd;
        }

        return items;
    }

    private DicomFragments ReadFragments(DicomTag tag, DicomVr vr, int end, DicomEncoding encoding)
    {
        var items = new List<ReadOnlyMemory<byte>>();
        while (true)
        {
            var itemTag = ReadTag(end, encoding);
            var length = ReadUInt32(end, encoding);
            if (itemTag == DicomTags.SequenceDelimitation)
            {
                break;
            }

            if (itemTag != DicomTags.Item || length == UndefinedLength)
            {
                throw DicomErrors.Malformed($"encapsulated Pixel Data holds {itemTag} with length {length:X8} at byte {position - 8}");
            }

            var itemStart = position;
            position = CheckedEnd(length, end, DicomTags.PixelData);
            items.Add(data[itemStart..position]);
        }

        return items.Count == 0
            ? throw DicomErrors.Malformed("encapsulated Pixel Data has no Basic Offset Table item")
            : new DicomFragments(tag, vr, items[0], items.Skip(1).ToArray());
    }

    private (DicomVr Vr, uint Length) ReadVrAndLength(DicomTag tag, int end, DicomEncoding encoding)
    {
        if (!encoding.ExplicitVr)
        {
            return (DicomVr.Unknown, ReadUInt32(end, encoding));
        }

        var header = Take(2, end);
        if (!DicomVr.TryParse(header[0], header[1], out var vr))
        {
            throw DicomErrors.Malformed($"{tag} at byte {position - 6} has no valid explicit VR");
        }

        if (!vr.HasLongLength)
        {
            var shortLength = Take(2, end);
            return (vr, encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(shortLength) : BinaryPrimitives.ReadUInt16LittleEndian(shortLength));
        }

        Take(2, end);
        return (vr, ReadUInt32(end, encoding));
    }

    private int CheckedEnd(uint length, int end, DicomTag tag)
    {
        if (length > limits.MaxBytes)
        {
            throw DicomErrors.Malformed($"{tag} declares an impossible length of {length} bytes");
        }

        var valueEnd = (long)position + length;
        if (valueEnd > data.Length)
        {
            throw DicomErrors.Truncated($"{tag} declares {length} bytes but only {data.Length - position} remain");
        }

        return valueEnd > end
            ? throw DicomErrors.Malformed($"{tag} declares {length} bytes, more than its enclosing item holds")
            : (int)valueEnd;
    }

    private bool StartsWithItem(int start, int end, DicomEncoding encoding)
    {
        if (end - start < 8)
        {
            return false;
        }

        var span = data.Span[start..];
        var group = encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
        var element = encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
        return new DicomTag(group, element) == DicomTags.Item;
    }

    private ushort? PeekGroup(int end, DicomEncoding encoding)
    {
        if (end - position < 2)
        {
            return null;
        }

        var span = data.Span.Slice(position, 2);
        return encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    private DicomTag ReadTag(int end, DicomEncoding encoding)
    {
        var span = Take(4, end);
        return encoding.BigEndian
            ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(span), BinaryPrimitives.ReadUInt16BigEndian(span[2..]))
            : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(span), BinaryPrimitives.ReadUInt16LittleEndian(span[2..]));
    }

    private uint ReadUInt32(int end, DicomEncoding encoding)
    {
        var span = Take(4, end);
        return encoding.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    private ReadOnlySpan<byte> Take(int count, int end)
    {
        if (end - position < count)
        {
            throw position + count > data.Length
                ? DicomErrors.Truncated($"an element header at byte {position} is cut off")
                : DicomErrors.Malformed($"an element header at byte {position} overruns its enclosing item");
        }

        var span = data.Span.Slice(position, count);
        position += count;
        return span;
    }
}
