using Microsoft.Extensions.Options;

namespace NCovNet.Pipeline;

/// <summary>Refuses settings storage or the engine would refuse later, at start-up and with the setting's name, instead of on the first scan.</summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        if (options.ClaimDuration < PipelineOptions.MinClaimDuration || options.ClaimDuration > PipelineOptions.MaxClaimDuration)
        {
            return ValidateOptionsResult.Fail(
                $"{PipelineOptions.Section}:ClaimDuration is {options.ClaimDuration}; a claim is a blob lease, which storage grants for "
                + $"{PipelineOptions.MinClaimDuration.TotalSeconds:0} to {PipelineOptions.MaxClaimDuration.TotalSeconds:0} seconds.");
        }

        if (!(options.HeatmapOpacity is >= 0 and <= 1))
        {
            return ValidateOptionsResult.Fail($"{PipelineOptions.Section}:HeatmapOpacity is {options.HeatmapOpacity}; it must lie between 0 and 1.");
        }

        return ValidateOptionsResult.Success;
    }
}
