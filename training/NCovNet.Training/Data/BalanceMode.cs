namespace NCovNet.Training.Data;

/// <summary>Which strata get equal weight: nothing, each class, or each class and, within it, each source.</summary>
public enum BalanceMode
{
    None,
    Class,
    ClassAndSource,
}
