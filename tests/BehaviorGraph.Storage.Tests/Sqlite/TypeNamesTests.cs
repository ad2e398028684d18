using System.Text;
using BehaviorGraph.Storage.Sqlite.Graph;

namespace BehaviorGraph.Storage.Tests.Sqlite;

public sealed class TypeNamesTests
{
    [Fact]
    public void Intern_FromUtf8_HandsOutOneStringPerType_AlsoPastTheTypesMatchedByBytes()
    {
        var names = new TypeFilter.Names();
        var types = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? $"réaction-{i}" : $"custom_{i}").ToList();
        var first = types.Select(t => names.Intern(Encoding.UTF8.GetBytes(t))).ToList();
        var again = types.Select(t => names.Intern(Encoding.UTF8.GetBytes(t))).ToList();

        Assert.Equal(types, first);
        Assert.All(types.Select((_, i) => i), i => Assert.Same(first[i], again[i]));
        Assert.Same(first[0], names.Intern(types[0]));
    }
}
