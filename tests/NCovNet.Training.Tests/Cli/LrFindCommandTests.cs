using NCovNet.Training.Cli;
using NCovNet.Training.Tests.EndToEnd;

namespace NCovNet.Training.Tests.Cli;

[Collection(TorchRunsCollection.Name)]
public sealed class LrFindCommandTests
{
    [Theory]
    [InlineData("1.5", true)]
    [InlineData("-0.1", true)]
    [InlineData("0.1", false)]
    public void A_flat_tolerance_outside_zero_to_one_is_a_parse_error(string tolerance, bool refused)
    {
        var parse = LrFindCommand.Create().Parse(["--flat-tolerance", tolerance]);

        Assert.Equal(refused, parse.Errors.Any(e => e.Message.Contains("--flat-tolerance must be in [0, 1)", StringComparison.Ordinal)));
    }
}
