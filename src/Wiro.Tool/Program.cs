using Wiro.Tool;

return await WiroCommandLine.InvokeAsync(args, ToolConsole.System);
