using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>The faults waiting to be played, each once, on the first request that matches it.</summary>
internal sealed class FaultQueue(TimeProvider clock)
{
    private static readonly byte[] BrokenBody = """{"result":true,"tasklist":[{"id":"""u8.ToArray();

    private readonly List<WiroFault> _faults = [];

    public void Enqueue(WiroFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>
    /// Plays the first fault that matches <paramref name="endpoint"/> (an API path without <c>/v1</c>, or a
    /// <c>/files/...</c> path); true when it answered the request, false when the request goes on.
    /// </summary>
    public async Task<bool> PlayAsync(HttpContext context, string endpoint, bool isApi, DateTimeOffset arrivedAt)
    {
        var fault = Take(fault => !fault.DamagesAnswer && fault.Kind != WiroFaultKind.EndlessWebSocketMessage && Matches(fault.Endpoint, endpoint, isApi));
        switch (fault?.Kind)
        {
            case null:
                return false;
            case WiroFaultKind.Delay:
                // Counted from arrival, so a fake clock advanced right after the request was seen still releases it.
                var wait = arrivedAt + fault.Duration - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, context.RequestAborted).ConfigureAwait(false);
                }

                return false;
            case WiroFaultKind.DropConnection:
                context.Abort();
                return true;
            case WiroFaultKind.TooManyRequests:
                var seconds = Math.Max(0, (long)Math.Ceiling(fault.Duration.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Answer.JsonAsync(context, StatusCodes.Status429TooManyRequests, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
            case WiroFaultKind.ServerError:
                await Answer.JsonAsync(context, StatusCodes.Status500InternalServerError, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
            case WiroFaultKind.MalformedJson:
                await Answer.JsonAsync(context, StatusCodes.Status200OK, BrokenBody).ConfigureAwait(false);
                return true;
            case WiroFaultKind.ResultFalseAsString:
                await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.ErrorAsStrings(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
            case WiroFaultKind.Redirect:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.Headers.Location = fault.Target!.AbsoluteUri;
                context.Response.ContentLength = 0;
                return true;
            case WiroFaultKind.OversizedAnswer:
                await OversizedAnswer.WriteAsync(context, fault.Size, fault.DeclaresLength).ConfigureAwait(false);
                return true;
            case WiroFaultKind.TrickleBody:
                context.Response.Body = new FaultyBody.Trickle(context.Response.Body, fault.Duration);
                return false;
            case WiroFaultKind.CutShort:
                context.Response.Body = new FaultyBody.CutShort(context.Response.Body, fault.Size);
                return false;
            default:
                await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Error(fault.Code, fault.Message)).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>True when a fault that damages answers waits for this endpoint: its answer must then be held back.</summary>
    public bool DamagesAnswer(string endpoint, bool isApi)
    {
        lock (_faults)
        {
            return _faults.Exists(fault => fault.DamagesAnswer && Matches(fault.Endpoint, endpoint, isApi));
        }
    }

    /// <summary>
    /// The answer with the first waiting fault that can change it applied (and spent); the answer as it was when
    /// none can (a concurrent request may have spent it, or the answer lacks the field).
    /// </summary>
    public byte[] Damage(string endpoint, bool isApi, byte[] answer)
    {
        lock (_faults)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if (fault.DamagesAnswer && Matches(fault.Endpoint, endpoint, isApi) && AnswerRewriter.Apply(fault, answer) is { } damaged)
                {
                    _faults.RemoveAt(i);
                    return damaged;
                }
            }
        }

        return answer;
    }

    /// <summary>The fault for the next WebSocket subscription, if one is queued.</summary>
    public WiroFault? TakeForSocket() => Take(fault => fault.Kind == WiroFaultKind.EndlessWebSocketMessage);

    private WiroFault? Take(Predicate<WiroFault> matches)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(matches);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private static bool Matches(string? target, string endpoint, bool isApi)
    {
        if (string.IsNullOrEmpty(target))
        {
            return isApi;
        }

        var path = new PathString(target.StartsWith('/') ? target : "/" + target);
        if (path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue)
        {
            path = rest;
        }

        return new PathString(endpoint).StartsWithSegments(path, StringComparison.OrdinalIgnoreCase);
    }
}
