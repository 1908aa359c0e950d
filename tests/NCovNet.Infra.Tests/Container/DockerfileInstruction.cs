namespace NCovNet.Infra.Tests.Container;

/// <summary>One Dockerfile instruction with its continuation lines joined and comments dropped.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments)
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string path)
    {
        var instructions = new List<DockerfileInstruction>();
        var current = "";
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Length > 0)
            {
                var space = current.IndexOf(' ');
                instructions.Add(space < 0
                    ? new DockerfileInstruction(current.ToUpperInvariant(), "")
                    : new DockerfileInstruction(current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            }

            current = "";
        }

        return instructions;
    }
}
