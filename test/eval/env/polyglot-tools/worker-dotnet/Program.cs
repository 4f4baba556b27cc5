using System;

var connection = Environment.GetEnvironmentVariable("SERVICEBUS_CONNECTION")
    ?? throw new InvalidOperationException("SERVICEBUS_CONNECTION is not set");
var queue = Environment.GetEnvironmentVariable("QUEUE_NAME") ?? "orders";
var prefetch = int.Parse(Environment.GetEnvironmentVariable("PREFETCH_COUNT") ?? "10");
var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
// var legacy = Environment.GetEnvironmentVariable("LEGACY_QUEUE");
Environment.SetEnvironmentVariable("WORKER_STARTED", DateTime.UtcNow.ToString("o"));
Console.WriteLine($"Listening on {queue} (prefetch {prefetch}, {environment}) via {connection.Length}");
