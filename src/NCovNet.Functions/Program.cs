using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NCovNet.Functions;
using NCovNet.Pipeline;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnexpectedErrorMiddleware>();
builder.Services.AddScanPipeline(builder.Configuration).AddModelScanner();
builder.Build().Run();
