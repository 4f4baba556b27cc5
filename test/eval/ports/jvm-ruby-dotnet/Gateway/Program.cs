var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options =>
{
    options.ListenAnyIP(8080);
    options.ListenAnyIP(8443, listen => listen.UseHttps());
});
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
