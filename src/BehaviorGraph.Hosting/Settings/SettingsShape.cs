using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// What a configuration section may hold for an options type, found by reflection: its settable properties (nested
/// groups, lists, dictionaries, single values). Finds keys no property takes (a misspelt setting is an error, not
/// silently ignored) and values that do not convert, naming each by its full path.
/// </summary>
internal static class SettingsShape
{
    public static List<string> Problems(IConfigurationSection section, Type type)
    {
        var problems = new List<string>();
        CheckGroup(section, type, problems);
        return problems;
    }

    /// <summary>The settable public properties of a group, by name (case-insensitive, as the binder matches them).</summary>
    public static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    public static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);
    }

    /// <summary>The element type of a list (arrays, <c>IReadOnlyList&lt;T&gt;</c>, <c>List&lt;T&gt;</c>…), else null.</summary>
    public static Type? ElementOf(Type type)
    {
        if (type == typeof(string) || DictionaryValueOf(type) is not null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static Type? DictionaryValueOf(Type type)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var dictionary = candidates.FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        return dictionary?.GetGenericArguments()[1];
    }

    private static void CheckGroup(IConfigurationSection section, Type type, List<string> problems)
    {
        var properties = Settable(type).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add($"{child.Path} is not a setting; {section.Path} takes {string.Join(", ", properties.Select(p => p.Name))}.");
                continue;
            }

            Check(child, property.PropertyType, problems);
        }
    }

    private static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        var children = section.GetChildren().ToList();
        if (IsValue(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{section.Path} is a single value ({Describe(type)}), not a group of settings.");
            }
            else if (!string.IsNullOrEmpty(section.Value) && !Converts(section.Value, type))
            {
                problems.Add($"{section.Path} must be {Describe(type)}; got '{section.Value}'.");
            }

            return;
        }

        if (children.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                problems.Add($"{section.Path} is a group of settings, not a value; set its keys ({section.Path}:Key, environment {section.Path.Replace(":", "__", StringComparison.Ordinal)}__Key).");
            }

            return;
        }

        if (DictionaryValueOf(type) is { } valueType)
        {
            children.ForEach(child => Check(child, valueType, problems));
        }
        else if (ElementOf(type) is { } element)
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, out var index) || index < 0)
                {
                    problems.Add($"{child.Path} is not a list position; {section.Path} is a list (keys 0, 1, 2…, or a JSON array).");
                    continue;
                }

                Check(child, element, problems);
            }
        }
        else
        {
            CheckGroup(section, type, problems);
        }
    }

    private static bool Converts(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return true;
        }

        try
        {
            var converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return converted is not null && (!type.IsEnum || Enum.IsDefined(type, converted));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a whole number, 0 or more",
            TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number (with a '.' for decimals)",
            _ when type == typeof(TimeSpan) => "a duration as hh:mm:ss (00:00:05 is five seconds)",
            _ => "a " + type.Name,
        };
    }
}
