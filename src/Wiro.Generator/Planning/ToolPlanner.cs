using System;
using System.Collections.Generic;
using System.Threading;
using Wiro.Generator.Model;
using Wiro.Generator.Naming;

namespace Wiro.Generator.Planning;

/// <summary>Decides the C# shape of a tool: its type names, one property per input and one enum per select.</summary>
public static class ToolPlanner
{
    /// <summary>Type names the client core already uses; a tool named like one of them gets a <c>Tool</c> suffix.</summary>
    private static readonly string[] CoreNames =
    {
        "Wiro", "WiroClient", "WiroClientOptions", "WiroRequest", "WiroParameterWriter", "WiroFile", "WiroTask",
        "WiroTaskResult", "WiroTaskUpdate", "WiroRunResult", "WiroOutput", "WiroTaskStatus", "WiroTaskStatusExtensions",
        "WiroApiException", "WiroAuthenticationException", "WiroConcurrencyLimitException", "SafeFileName", "SocketMessage",
        // WiroClient members, since each tool also becomes a WiroClient property.
        "RunAsync", "RunAndWaitAsync", "GetTaskAsync", "GetTaskByIdAsync", "GetTaskByTokenAsync", "CancelTaskAsync",
        "KillTaskAsync", "UploadFileAsync", "WaitForCompletionAsync", "WatchAsync", "Dispose", "Options",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members a request record inherits or the compiler synthesizes; inputs may not take these names.</summary>
    private static readonly string[] RequestMemberNames =
    {
        "CallbackUrl", "ProjectId", "WriteParameters", "HasLocalFiles", "EqualityContract", "PrintMembers",
        "Deconstruct", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static (ToolPlan Plan, EquatableArray<DiagnosticInfo> Diagnostics) Plan(
        ToolSpec spec, string? typeNameOverride, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var stem = ChooseTypeName(spec, typeNameOverride);

        var typeNames = new UniqueNames(CoreNames);
        var requestName = typeNames.Claim(stem + "Request");
        var clientName = typeNames.Claim(stem + "Client");
        var wireValuesName = typeNames.Claim(stem + "WireValues");

        var propertyNames = new UniqueNames(RequestMemberNames);
        propertyNames.Claim(requestName);
        var properties = new List<PropertyPlan>(spec.Inputs.Count);
        var enums = new List<EnumPlan>();
        var hasFiles = false;

        foreach (var input in spec.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var propertyName = propertyNames.Claim(Identifier.Sanitize(Identifier.ToPascalCase(input.Name), "_", "Input"));
            var property = InputShapes.Plan(input, propertyName, stem, typeNames, enums, diagnostics);
            hasFiles |= property.Shape is ValueShape.File or ValueShape.FileList;
            properties.Add(property);
        }

        var plan = new ToolPlan(
            spec.FilePath,
            stem,
            requestName,
            clientName,
            wireValuesName,
            spec.ToolName.Length > 0 ? spec.ToolName : spec.Owner + "/" + spec.Slug,
            spec.Owner,
            spec.Slug,
            spec.Description,
            properties.ToEquatableArray(),
            enums.ToEquatableArray(),
            hasFiles);
        return (plan, diagnostics.ToEquatableArray());
    }

    /// <summary>The PascalCase of the Run endpoint's slug (the page's display name may differ from it).</summary>
    private static string ChooseTypeName(ToolSpec spec, string? typeNameOverride)
    {
        if (typeNameOverride is { Length: > 0 })
        {
            return typeNameOverride;
        }

        var name = Identifier.Sanitize(Identifier.ToPascalCase(spec.Slug), "Tool", "Tool");
        return Array.IndexOf(CoreNames, name) >= 0 ? name + "Tool" : name;
    }
}
