using NCovNet.Cli;

return await CliApp.RunAsync(args);
