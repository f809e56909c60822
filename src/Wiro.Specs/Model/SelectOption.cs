namespace Wiro.Specs;

/// <summary>One option of a select input: the exact wire value, its label and any extra keys.</summary>
public sealed record SelectOption(string Value, string Label, EquatableArray<OptionAttribute> Extras);

/// <summary>An extra key of an option such as <c>description</c>, <c>triggerwords</c> or <c>generatesettings</c>.</summary>
public sealed record OptionAttribute(string Key, string Value);
