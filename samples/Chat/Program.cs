using Microsoft.Extensions.AI;
using Wiro;
using Wiro.Emulator;

// A console chat over the wiro/chat LLM tool as an IChatClient: type a message, read the answer as it streams (the
// model's thinking shown apart, in grey), and go on in the same conversation. An empty line or Ctrl+D ends it;
// Ctrl+C stops the answer being written. `--prompt "..."` asks once and exits; `--system "..."` sets the instructions.
string? once = null;
string? system = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--prompt" when i + 1 < args.Length:
            once = args[++i];
            break;
        case "--system" when i + 1 < args.Length:
            system = args[++i];
            break;
        case "--help" or "-h":
            Console.WriteLine("Usage: Chat [--prompt TEXT] [--system TEXT]   (WIRO_API_KEY and WIRO_API_SECRET for the real API)");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Run with --help to see the options.");
            return 2;
    }
}

var apiKey = Environment.GetEnvironmentVariable("WIRO_API_KEY");
await using var emulator = string.IsNullOrEmpty(apiKey)
    ? await WiroEmulator.StartAsync(new WiroEmulatorOptions
    {
        ApiKey = "sample-key",
        ApiSecret = "sample-secret",
        SpecFiles = [Path.Combine(AppContext.BaseDirectory, "wiro-chat.wiro.md")],
        StatusStepDuration = TimeSpan.FromMilliseconds(50),
    })
    : null;

using var wiro = new WiroClient(emulator is null
    ? new WiroClientOptions { ApiKey = apiKey!, ApiSecret = Environment.GetEnvironmentVariable("WIRO_API_SECRET"), KillTaskOnCancel = true }
    : new WiroClientOptions
    {
        ApiKey = "sample-key",
        ApiSecret = "sample-secret",
        BaseAddress = emulator.BaseAddress,
        WebSocketAddress = emulator.WebSocketAddress,
        KillTaskOnCancel = true,
    });

Console.WriteLine(emulator is null
    ? "Using the Wiro API (WIRO_API_KEY is set)."
    : $"WIRO_API_KEY is not set: chatting with the built-in Wiro emulator at {emulator.BaseAddress}.");

IChatClient chat = wiro.Chat.AsIChatClient();
var options = new ChatOptions { Instructions = system };
CancellationTokenSource? answering = null;
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops the answer (and kills its task), not the chat.
    if (answering is { } current)
    {
        e.Cancel = true;
        current.Cancel();
    }
};

while (true)
{
    string? prompt;
    if (once is not null)
    {
        prompt = once;
    }
    else
    {
        Console.Write("> ");
        prompt = Console.ReadLine();
    }

    if (string.IsNullOrWhiteSpace(prompt))
    {
        return 0;
    }

    using (answering = new CancellationTokenSource())
    {
        try
        {
            var thinking = false;
            var written = false;
            await foreach (var update in chat.GetStreamingResponseAsync(prompt, options, answering.Token))
            {
                foreach (var content in update.Contents)
                {
                    if (content is TextReasoningContent reasoning)
                    {
                        if (!thinking && written)
                        {
                            Console.WriteLine();
                        }

                        Console.ForegroundColor = ConsoleColor.DarkGray;
                        Console.Write(thinking ? reasoning.Text : "(thinking) " + reasoning.Text);
                        Console.ResetColor();
                        thinking = written = true;
                    }
                    else if (content is TextContent text)
                    {
                        if (thinking)
                        {
                            Console.WriteLine();
                            thinking = false;
                        }

                        Console.Write(text.Text);
                        written = true;
                    }
                }

                // The session Wiro keeps: the next turn sends only the new message.
                options.ConversationId = update.ConversationId ?? options.ConversationId;
                if (update.FinishReason is not null && update.AdditionalProperties?.TryGetValue(WiroChatClient.CostKey, out var cost) == true)
                {
                    Console.ForegroundColor = ConsoleColor.DarkGray;
                    Console.Write($"  [{cost} credits]");
                    Console.ResetColor();
                }
            }

            Console.WriteLine();
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine(" [stopped]");
        }
        catch (WiroApiException exception)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"Wiro: {exception.Message}");
            if (once is not null)
            {
                return 1;
            }
        }
        finally
        {
            answering = null;
        }
    }

    if (once is not null)
    {
        return 0;
    }
}
