using System.Text;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>Writes small spec pages in Wiro's real line layout, for tests that need a particular input.</summary>
public sealed class SpecBuilder(string owner, string slug)
{
    private readonly List<string> _inputs = [];
    private string _description = "A tool made for a test.";
    private string[] _completed = ["task_postprocess_end", "task_cancel"];
    private string[] _running = ["task_queue", "task_start"];
    private string[] _categories = ["tool"];

    public SpecBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>The page's categories (<c>tool</c> unless set).</summary>
    public SpecBuilder Categories(params string[] categories)
    {
        _categories = categories;
        return this;
    }

    /// <summary>The wire names the page lists under "Completed" and under "Running".</summary>
    public SpecBuilder Statuses(string[] completed, string[] running)
    {
        _completed = completed;
        _running = running;
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
            .Append("Model categories:\n").Append(string.Concat(_categories.Select(c => "  - " + c + "\n"))).Append('\n')
            .Append("Run Task Endpoint (POST):\nhttps://api.wiro.ai/v1/Run/").Append(owner).Append('/').Append(slug).Append("\n\n")
            .Append("Get Task Detail Endpoint (POST):\nhttps://api.wiro.ai/v1/Task/Detail\n\n")
            .Append("## Model Inputs: \n\n");
        foreach (var input in _inputs)
        {
            page.Append(input).Append('\n');
        }

        page.Append("## Task Status Information\n\n")
            .Append("### Completed Task Statuses (Polling can stop)\n");
        foreach (var status in _completed)
        {
            page.Append("- ").Append(status).Append(" : The page says polling can stop.\n");
        }

        page.Append("\n### Running Task Statuses (Continue polling)\n");
        foreach (var status in _running)
        {
            page.Append("- ").Append(status).Append(" : The page says polling goes on.\n");
        }

        return page.ToString();
    }
}
