namespace NCovNet.Core.Tests.Fixtures;

/// <summary>
/// The <see cref="TestModel"/> computed again in double precision by plain loops, sharing no
/// code with ONNX Runtime or the engine, so engine outputs can be checked against it.
/// </summary>
public static class TestModelReference
{
    public sealed record Output(double[] Logits, double[] Features, double[] Cam, int FeatureSize);

    /// <param name="image">One image's CHW tensor (3 x S x S).</param>
    public static Output Forward(TestModel model, ReadOnlySpan<float> image)
    {
        var input = image.ToArray().Select(v => (double)v).ToArray();
        var hidden = Relu(Conv(model, input, 3, model.InputSize, model.Conv1Weight, model.Conv1Bias, model.Channels1));
        var size1 = model.ConvOutput(model.InputSize);
        var features = Relu(Conv(model, hidden, model.Channels1, size1, model.Conv2Weight, model.Conv2Bias, model.Channels2));
        var h = model.FeatureSize;
        return new Output(Head(model, features, h), features, GradCam(model, features, h), h);
    }

    /// <summary>The head alone: global average pooling then the linear layer.</summary>
    public static double[] Head(TestModel model, double[] features, int size)
    {
        var plane = size * size;
        var logits = new double[TestModel.Classes.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = model.FcBias[c];
            for (var k = 0; k < model.Channels2; k++)
            {
                logits[c] += model.FcWeight[(c * model.Channels2) + k] * features.Skip(k * plane).Take(plane).Average();
            }
        }

        return logits;
    }

    /// <summary>
    /// Grad-CAM by its definition, before ReLU: alpha_k = mean over positions of d logit_c / d A_k,
    /// taken by finite differences through <see cref="Head"/> (exact here: the head is linear),
    /// then sum_k alpha_k * A_k.
    /// </summary>
    private static double[] GradCam(TestModel model, double[] features, int size)
    {
        var plane = size * size;
        var classes = TestModel.Classes.Length;
        var baseline = Head(model, features, size);
        var alpha = new double[classes, model.Channels2];
        const double step = 1e-3;
        for (var k = 0; k < model.Channels2; k++)
        {
            for (var p = 0; p < plane; p++)
            {
                var nudged = (double[])features.Clone();
                nudged[(k * plane) + p] += step;
                var logits = Head(model, nudged, size);
                for (var c = 0; c < classes; c++)
                {
                    alpha[c, k] += (logits[c] - baseline[c]) / step / plane;
                }
            }
        }

        var cam = new double[classes * plane];
        for (var c = 0; c < classes; c++)
        {
            for (var k = 0; k < model.Channels2; k++)
            {
                for (var p = 0; p < plane; p++)
                {
                    cam[(c * plane) + p] += alpha[c, k] * features[(k * plane) + p];
                }
            }
        }

        return cam;
    }

    private static double[] Conv(TestModel model, double[] input, int inChannels, int size, float[] weight, float[] bias, int outChannels)
    {
        var outSize = model.ConvOutput(size);
        var output = new double[outChannels * outSize * outSize];
        for (var o = 0; o < outChannels; o++)
        {
            for (var y = 0; y < outSize; y++)
            {
                for (var x = 0; x < outSize; x++)
                {
                    double sum = bias[o];
                    for (var i = 0; i < inChannels; i++)
                    {
                        for (var ky = 0; ky < 3; ky++)
                        {
                            for (var kx = 0; kx < 3; kx++)
                            {
                                int sy = (y * model.Stride) + ky - 1, sx = (x * model.Stride) + kx - 1;
                                if (sy >= 0 && sy < size && sx >= 0 && sx < size)
                                {
                                    sum += weight[(((o * inChannels) + i) * 9) + (ky * 3) + kx] * input[(((i * size) + sy) * size) + sx];
                                }
                            }
                        }
                    }

                    output[(((o * outSize) + y) * outSize) + x] = sum;
                }
            }
        }

        return output;
    }

    private static double[] Relu(double[] values) => values.Select(v => Math.Max(v, 0)).ToArray();
}
