using Microsoft.Extensions.Configuration;

namespace Acme.Billing.Worker;

public sealed class Worker
{
    private const string PasswordClaim = "pwd_changed_at";
    private const string DefaultTokenAudience = "api://billing";
    private readonly string _apiKey;

    public Worker(IConfiguration config)
    {
        _apiKey = config["Billing:ApiKey"] ?? throw new InvalidOperationException("Billing:ApiKey missing");
    }

    private static readonly string HubspotToken = "pat-eu1-af6e4d24-8b40-48d6-abce-a1dcba5f505c";
}
