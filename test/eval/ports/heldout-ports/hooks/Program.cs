var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapPost("/hook", () => Results.Ok());
app.Run("http://0.0.0.0:5080");
