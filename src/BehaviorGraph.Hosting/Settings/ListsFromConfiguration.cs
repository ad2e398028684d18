using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// A list set in configuration replaces the default list. The binder appends configured elements to a list that
/// already holds defaults (<c>Bots:WindowsMs</c> would become the four default windows plus the configured ones), so
/// after binding every configured list is read again on its own and put in place.
/// </summary>
internal sealed class ListsFromConfiguration<T>(IConfiguration configuration, string section) : IPostConfigureOptions<T>
    where T : class
{
    public void PostConfigure(string? name, T options) => Replace(options, configuration.GetSection(section));

    private static void Replace(object target, IConfigurationSection section)
    {
        foreach (var property in SettingsShape.Settable(target.GetType()))
        {
            var child = section.GetSection(property.Name);
            if (!child.GetChildren().Any() || SettingsShape.IsValue(property.PropertyType))
            {
                continue;
            }

            if (SettingsShape.ElementOf(property.PropertyType) is { } element)
            {
                var configured = child.Get(element.MakeArrayType());
                if (configured is not null && property.PropertyType.IsAssignableFrom(configured.GetType()))
                {
                    property.SetValue(target, configured);
                }
                else if (configured is Array array && property.PropertyType.IsAssignableFrom(typeof(List<>).MakeGenericType(element)))
                {
                    var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                    foreach (var item in array)
                    {
                        list.Add(item);
                    }

                    property.SetValue(target, list);
                }
            }
            else if (property.GetValue(target) is { } nested)
            {
                Replace(nested, child);
            }
        }
    }
}
