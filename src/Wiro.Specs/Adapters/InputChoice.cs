namespace Wiro.Specs;

/// <summary>One option of a select an adapter maps a caller's name to: a model, a voice.</summary>
/// <param name="Value">The option's wire value (what is sent).</param>
/// <param name="Label">The option's label (a model's name such as <c>microsoft/phi-4</c>, a voice's name such as <c>Rachel</c>).</param>
public sealed record InputChoice(string Value, string Label);
