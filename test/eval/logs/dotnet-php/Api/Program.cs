using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((ctx, services, cfg) => cfg
    .ReadFrom.Configuration(ctx.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(new RenderedCompactJsonFormatter())
    .WriteTo.Async(a => a.File("logs/api-.log", rollingInterval: RollingInterval.Day)));

builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();
app.Run();
