using System.Text;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>Writes small spec pages in Wiro's real line layout, for tests that need a particular input.</summary>
public sealed class SpecBuilder(string owner, string slug)
{
    private readonly List<string> _inputs = [];
    private string _description = "A tool made for a test.";

    public SpecBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    public SpecBuilder Input(string name, string type, string @default = "", string label = "", string help = "",
        params (string Value, string Label)[] options)
    {
        var builder = new StringBuilder()
            .Append("  - name: ").Append(name).Append('\n')
            .Append("    label: ").Append(label.Length > 0 ? label : name).Append('\n')
            .Append("    help: ").Append(help).Append('\n')
            .Append("    type: ").Append(type).Append('\n')
            .Append("    default: ").Append(@default).Append('\n');
        if (options.Length > 0)
        {
            builder.Append("    options:\n");
            foreach (var (value, optionLabel) in options)
            {
                builder.Append("      - value: \"").Append(value).Append("\"\n")
                    .Append("        label: ").Append(optionLabel).Append("\n\n");
            }
        }

        _inputs.Add(builder.ToString());
        return this;
    }

    public string Build()
    {
        var page = new StringBuilder()
            .Append("## Basic tool info\n\n")
            .Append("Model name: ").Append(owner).Append('/').Append(slug).Append('\n')
            .Append("Model description: ").Append(_description).Append('\n')
            .Append("Model cover: No cover\n")
            .Append("Model categories:\n  - tool\n\n")
            .Append("Run Task Endpoint (POST):\nhttps://api.wiro.ai/v1/Run/").Append(owner).Append('/').Append(slug).Append("\n\n")
            .Append("Get Task Detail Endpoint (POST):\nhttps://api.wiro.ai/v1/Task/Detail\n\n")
            .Append("## Model Inputs: \n\n");
        foreach (var input in _inputs)
        {
            page.Append(input).Append('\n');
        }

        page.Append("## Task Status Information\n\n")
            .Append("### Completed Task Statuses (Polling can stop)\n")
            .Append("- task_postprocess_end : Task completed successfully and post-processing is done.\n")
            .Append("- task_cancel : Task was cancelled by the user or system.\n\n")
            .Append("### Running Task Statuses (Continue polling)\n")
            .Append("- task_queue : Task is waiting in the queue.\n")
            .Append("- task_start : Task execution has started.\n");
        return page.ToString();
    }
}
