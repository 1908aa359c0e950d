using NCovNet.Training.Cli;

return await TrainingCli.RunAsync(args);
