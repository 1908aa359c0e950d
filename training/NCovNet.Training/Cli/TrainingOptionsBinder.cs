using System.CommandLine;
using System.Globalization;
using NCovNet.Training.Data;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Training;

namespace NCovNet.Training.Cli;

/// <summary>
/// The options shared by `train` and `lr-find`. A JSON config (--config) gives the starting
/// values; every option given on the command line overrides its field.
/// </summary>
public sealed class TrainingOptionsBinder
{
    private readonly Option<string?> _config = new("--config") { Description = "JSON config (fields of TrainingOptions, camelCase); command-line options override it" };
    private readonly Option<string[]> _data = new("--data") { Description = "Labelled set, 'name=path' (labels CSV, folder with labels.csv, or <split>/<class>/ folders); repeat for several", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string> _output = new("--output", "-o") { Description = "Run folder (checkpoints, metrics.csv, plots)" };
    private readonly Option<string> _pretrained = new("--pretrained") { Description = "cntk (ImageNet ResNet-18), none, a checkpoint folder or a state-dict file" };
    private readonly Option<string> _architecture = new("--arch") { Description = "Architecture with --pretrained none or a state-dict file (resnet18, resnet50, ...)" };
    private readonly Option<string> _colorMap = new("--color-map") { Description = "jet (the paper) or gray" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of weights init, epoch draws and augmentations" };
    private readonly Option<string> _device = new("--device") { Description = "auto (CUDA if available), cpu or cuda" };
    private readonly Option<BalanceMode> _balance = new("--balance") { Description = "None, Class or ClassAndSource (equal weight per class, and per source within a class)" };
    private readonly Option<string> _balanceBy = new("--balance-by") { Description = "sampling (weighted draws) or loss (each image's cross-entropy weighted by the --balance rule)" };
    private readonly Option<int> _epochSize = new("--epoch-size") { Description = "Training images per epoch (default: the train split size)" };
    private readonly Option<int> _workers = new("--workers") { Description = "Threads rendering batches" };
    private readonly Option<bool> _noDebias = new("--no-debias") { Description = "Turn the debiasing dataloader off (ablation)" };
    private readonly Option<string> _jpegQuality = new("--jpeg-quality") { Description = "JPEG re-encode quality range MIN:MAX (default 30:70)" };
    private readonly Option<int> _s1Epochs = new("--stage1-epochs") { Description = "Stage 1 head-only epochs (paper: 40)" };
    private readonly Option<int> _s1Size = new("--stage1-size") { Description = "Stage 1 input size (paper: 224)" };
    private readonly Option<int> _s1Batch = new("--stage1-batch") { Description = "Stage 1 batch size (paper: 16)" };
    private readonly Option<double> _s1Lr = new("--stage1-lr") { Description = "Stage 1 learning rate (paper: 1e-2)" };
    private readonly Option<int> _s1Unfrozen = new("--stage1-unfrozen-epochs") { Description = "Epochs after stage 1 with backbone stages unfrozen (SGDR)" };
    private readonly Option<int> _s1UnfreezeStages = new("--stage1-unfreeze-stages") { Description = "Backbone stages, counted from the last, trained when unfrozen (-1: all)" };
    private readonly Option<double> _s1MaxLr = new("--stage1-max-lr") { Description = "SGDR maximum after unfreezing (default: lr-find)" };
    private readonly Option<bool> _stage2 = new("--stage2") { Description = "Run stage 2 (448x448, frozen then unfrozen with SGDR)" };
    private readonly Option<bool> _noStage1 = new("--no-stage1") { Description = "Skip stage 1 (e.g. stage 2 from a stage-1 checkpoint via --pretrained)" };
    private readonly Option<int> _s2Size = new("--stage2-size") { Description = "Stage 2 input size (paper: 448)" };
    private readonly Option<int> _s2Batch = new("--stage2-batch") { Description = "Stage 2 batch size (paper: 8)" };
    private readonly Option<int> _s2Frozen = new("--stage2-frozen-epochs") { Description = "Stage 2 frozen epochs (paper: 20)" };
    private readonly Option<int> _s2Unfrozen = new("--stage2-unfrozen-epochs") { Description = "Stage 2 unfrozen epochs (paper: 60)" };
    private readonly Option<int> _s2UnfreezeStages = new("--stage2-unfreeze-stages") { Description = "Backbone stages trained in stage 2 (-1: all)" };
    private readonly Option<double> _s2MaxLr = new("--stage2-max-lr") { Description = "SGDR maximum (default: lr-find)" };
    private readonly Option<int> _lrFindIterations = new("--lr-find-iterations") { Description = "Steps of the lr-find run at each unfreeze (paper: 170)" };
    private readonly Option<int> _sgdrPeriod = new("--sgdr-period") { Description = "SGDR first period in epochs (T_0)" };
    private readonly Option<int> _sgdrMult = new("--sgdr-mult") { Description = "SGDR period multiplier (T_mult)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all = [_config, _data, _output, _pretrained, _architecture, _colorMap, _seed, _device, _balance, _balanceBy, _epochSize, _workers,
            _noDebias, _jpegQuality, _s1Epochs, _s1Size, _s1Batch, _s1Lr, _s1Unfrozen, _s1UnfreezeStages, _s1MaxLr, _stage2, _noStage1, _s2Size, _s2Batch,
            _s2Frozen, _s2Unfrozen, _s2UnfreezeStages, _s2MaxLr, _lrFindIterations, _sgdrPeriod, _sgdrMult];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public TrainingOptions Bind(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var config = result.GetValue(_config);
        var o = config is null ? new TrainingOptions() : TrainingOptions.FromJson(config);
        T Or<T>(Option<T> option, T current) => result.GetResult(option) is null ? current : result.GetValue(option)!;
        var s1 = o.Stage1 with
        {
            Enabled = !result.GetValue(_noStage1) && o.Stage1.Enabled,
            FrozenEpochs = Or(_s1Epochs, o.Stage1.FrozenEpochs),
            Size = Or(_s1Size, o.Stage1.Size),
            BatchSize = Or(_s1Batch, o.Stage1.BatchSize),
            Lr = Or(_s1Lr, o.Stage1.Lr),
            UnfrozenEpochs = Or(_s1Unfrozen, o.Stage1.UnfrozenEpochs),
            UnfreezeStages = Or(_s1UnfreezeStages, o.Stage1.UnfreezeStages),
            MaxLr = result.GetResult(_s1MaxLr) is null ? o.Stage1.MaxLr : result.GetValue(_s1MaxLr),
            SgdrFirstPeriod = Or(_sgdrPeriod, o.Stage1.SgdrFirstPeriod),
            SgdrPeriodMultiplier = Or(_sgdrMult, o.Stage1.SgdrPeriodMultiplier),
            LrFindIterations = Or(_lrFindIterations, o.Stage1.LrFindIterations),
        };
        var s2 = o.Stage2 with
        {
            Enabled = result.GetValue(_stage2) || o.Stage2.Enabled,
            Size = Or(_s2Size, o.Stage2.Size),
            BatchSize = Or(_s2Batch, o.Stage2.BatchSize),
            FrozenEpochs = Or(_s2Frozen, o.Stage2.FrozenEpochs),
            UnfrozenEpochs = Or(_s2Unfrozen, o.Stage2.UnfrozenEpochs),
            UnfreezeStages = Or(_s2UnfreezeStages, o.Stage2.UnfreezeStages),
            MaxLr = result.GetResult(_s2MaxLr) is null ? o.Stage2.MaxLr : result.GetValue(_s2MaxLr),
            SgdrFirstPeriod = Or(_sgdrPeriod, o.Stage2.SgdrFirstPeriod),
            SgdrPeriodMultiplier = Or(_sgdrMult, o.Stage2.SgdrPeriodMultiplier),
            LrFindIterations = Or(_lrFindIterations, o.Stage2.LrFindIterations),
        };
        var debiasing = result.GetValue(_noDebias) ? o.Debiasing with { Enabled = false } : o.Debiasing;
        if (result.GetValue(_jpegQuality) is { } quality)
        {
            var range = FactorRange.Parse(quality);
            debiasing = debiasing with { JpegQualityMin = (int)range.Min, JpegQualityMax = (int)range.Max };
        }

        return o with
        {
            Data = result.GetResult(_data) is null ? o.Data : result.GetValue(_data)!,
            Output = Or(_output, o.Output),
            Pretrained = Or(_pretrained, o.Pretrained),
            Architecture = Or(_architecture, o.Architecture),
            ColorMap = Or(_colorMap, o.ColorMap),
            Seed = Or(_seed, o.Seed),
            Device = Or(_device, o.Device),
            Balance = Or(_balance, o.Balance),
            BalanceBySampling = result.GetValue(_balanceBy) is { } by ? ParseBalanceBy(by) : o.BalanceBySampling,
            EpochSize = Or(_epochSize, o.EpochSize),
            Workers = Or(_workers, o.Workers),
            Debiasing = debiasing,
            Stage1 = s1,
            Stage2 = s2,
        };
    }

    private static bool ParseBalanceBy(string text) => text.ToLower(CultureInfo.InvariantCulture) switch
    {
        "sampling" => true,
        "loss" => false,
        _ => throw new ArgumentException($"--balance-by '{text}' is not sampling or loss."),
    };
}
