using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the .gnu.version_r (Vernaux) entry naming <see cref="VersionName"/> in
/// 64-bit little-endian ELF shared objects, so a missing version is a warning for the dynamic
/// loader instead of an error. Files already weak are left untouched.
/// </summary>
public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            var bytes = File.ReadAllBytes(path);
            string problem;
            var changed = TryWeaken(bytes, out problem);
            if (problem.Length > 0)
            {
                Log.LogError("{0}: {1}", path, problem);
                continue;
            }

            if (!changed)
            {
                continue;
            }

            // Write a new file rather than in place, so a hard link into the NuGet cache is never modified.
            var temp = path + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
            Log.LogMessage(MessageImportance.High, "Marked {0} as a weak version need in {1}", VersionName, path);
        }

        return !Log.HasLoggedErrors;
    }

    private bool TryWeaken(byte[] elf, out string problem)
    {
        problem = "";
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            problem = "not a 64-bit little-endian ELF file";
            return false;
        }

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3a);
        int count = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < count; i++)
        {
            var header = (int)(sectionTable + (i * entrySize));
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var link = (int)BitConverter.ToUInt32(elf, header + 0x28);
            var strings = (int)BitConverter.ToUInt64(elf, (int)(sectionTable + (link * entrySize)) + 0x18);
            return WeakenInVerneed(elf, offset, strings, out problem);
        }

        problem = "no .gnu.version_r section";
        return false;
    }

    private bool WeakenInVerneed(byte[] elf, int verneed, int strings, out string problem)
    {
        problem = "";
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, verneed + 2);
            var aux = verneed + (int)BitConverter.ToUInt32(elf, verneed + 8);
            for (var j = 0; j < auxCount; j++)
            {
                var name = ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == VersionName)
                {
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlagWeak) != 0)
                    {
                        return false;
                    }

                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                    return true;
                }

                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }

            var next = (int)BitConverter.ToUInt32(elf, verneed + 12);
            if (next == 0)
            {
                // This build of the library does not need the version: nothing to patch.
                return false;
            }

            verneed += next;
        }
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = start;
        while (elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
