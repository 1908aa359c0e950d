namespace NCovNet.Training.Reporting;

/// <summary>Draws metrics.csv as a PNG: losses on top, validation accuracy, recall, specificity and AUC below.</summary>
public static class TrainingCurves
{
    public static void Save(EpochLog log, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rows = log.Read();
        PlotSeries Series(string name, string column, SixLabors.ImageSharp.PixelFormats.Rgb24 colour) =>
            new(name, colour, rows.Select(r => ((double)r.Epoch, r.Values[column])).ToList());

        var losses = new LinePlot("loss", "epoch", [Series("train", "train_loss", LinePlot.Blue), Series("val", "val_loss", LinePlot.Orange)]);
        var metrics = new LinePlot("validation metrics covid positive", "epoch",
        [
            Series("accuracy", "val_accuracy", LinePlot.Blue),
            Series("recall", "val_recall", LinePlot.Red),
            Series("specificity", "val_specificity", LinePlot.Green),
            Series("auc", "val_auc", LinePlot.Purple),
        ]);
        LinePlot.Save(pngPath, 900, 800, losses, metrics);
    }
}
