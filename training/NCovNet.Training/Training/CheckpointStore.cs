using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Training.Models;
using TorchSharp;
using TorchSharp.Modules;

namespace NCovNet.Training.Training;

/// <summary>
/// Checkpoints under a run folder: last/ (written after every epoch, for resuming) and best/
/// (the best validation epoch, for export). Each holds model.pt (TorchSharp state dict),
/// optimizer.pt and state.json, written to a temporary folder first and then moved into
/// place, so a crash mid-write leaves the previous checkpoint intact, and a crash between the
/// two moves is completed the next time the checkpoint is looked at.
/// </summary>
public sealed class CheckpointStore(string runDirectory)
{
    public const string ModelFile = "model.pt";
    public const string OptimizerFile = "optimizer.pt";
    public const string StateFile = "state.json";

    public string LastDirectory => Path.Combine(runDirectory, "last");

    public string BestDirectory => Path.Combine(runDirectory, "best");

    public bool HasLast
    {
        get
        {
            CompleteInterruptedSave(LastDirectory);
            return File.Exists(Path.Combine(LastDirectory, StateFile));
        }
    }

    public static CheckpointState ReadState(string directory)
    {
        CompleteInterruptedSave(directory);
        var path = Path.Combine(directory, StateFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{directory}' is not a checkpoint (no {StateFile}).", path);
        }

        return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), ModelJson.Options)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Loads weights (and optimizer state when given) from a checkpoint folder.</summary>
    public static CheckpointState Load(string directory, CxrClassifier model, OptimizerHelper? optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        var state = ReadState(directory);
        model.load(Path.Combine(directory, ModelFile));
        var optimizerPath = Path.Combine(directory, OptimizerFile);
        if (optimizer is not null && File.Exists(optimizerPath))
        {
            optimizer.load_state_dict(optimizerPath);
        }

        return state;
    }

    public void SaveLast(CxrClassifier model, OptimizerHelper optimizer, CheckpointState state) => Save(LastDirectory, model, optimizer, state);

    public void SaveBest(CxrClassifier model, OptimizerHelper optimizer, CheckpointState state) => Save(BestDirectory, model, optimizer, state);

    private static void Save(string directory, CxrClassifier model, OptimizerHelper optimizer, CheckpointState state)
    {
        var temporary = directory + ".tmp";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        model.save(Path.Combine(temporary, ModelFile));
        optimizer.save_state_dict(Path.Combine(temporary, OptimizerFile));
        File.WriteAllText(Path.Combine(temporary, StateFile), JsonSerializer.Serialize(state, ModelJson.Options) + "\n");
        var previous = directory + ".old";
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }

        if (Directory.Exists(directory))
        {
            Directory.Move(directory, previous);
        }

        Directory.Move(temporary, directory);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>
    /// A save that stopped after moving the checkpoint aside (to .old) and before moving the new
    /// one in leaves no folder: the new one in .tmp is complete (it was written before the
    /// first move), so it goes in; without it, the previous one goes back.
    /// </summary>
    private static void CompleteInterruptedSave(string directory)
    {
        var previous = directory + ".old";
        if (Directory.Exists(directory) || !Directory.Exists(previous))
        {
            return;
        }

        var temporary = directory + ".tmp";
        Directory.Move(Directory.Exists(temporary) ? temporary : previous, directory);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }
}
