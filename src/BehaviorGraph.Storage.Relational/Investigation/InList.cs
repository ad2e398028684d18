using Dapper;

namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>
/// <c>IN (@name0, @name1, …)</c> with one parameter per value, written the same for SQLite and PostgreSQL (Dapper
/// expands a list parameter for SQLite but hands Npgsql an array, which <c>IN</c> does not take). The text holds only
/// parameter names made here; the values travel as parameters.
/// </summary>
internal static class InList
{
    public static string Of<T>(string name, IReadOnlyList<T> values, DynamicParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@" + name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(names[i], values[i]);
        }

        return "IN (" + string.Join(", ", names) + ")";
    }
}
