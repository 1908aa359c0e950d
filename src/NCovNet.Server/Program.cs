namespace NCovNet.Server;

public static class Program
{
    public static Task<int> Main(string[] args) => LocalRun.RunAsync(args);
}
