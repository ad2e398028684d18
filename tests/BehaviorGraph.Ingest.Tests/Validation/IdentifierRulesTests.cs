using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Tests.Validation;

public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("a1")]
    [InlineData("user name with spaces")]
    [InlineData("José_ß-日本-Жук-حسن-क़")]
    [InlineData("😀🙂𝔘")]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("ﬁ-İı-µ")]
    [InlineData("\"quoted\",comma;semi|pipe\\back")]
    public void Violation_IsNull_ForIdsOfAnyScriptAndPunctuation(string id) => Assert.Null(IdentifierRules.Violation(id, "actor"));

    [Theory]
    [InlineData("a\u0000b", IdentifierRules.ControlCharactersCode)]
    [InlineData("a\u001Bb", IdentifierRules.ControlCharactersCode)]
    [InlineData("a\u0085b", IdentifierRules.ControlCharactersCode)]
    [InlineData("a\tb", IdentifierRules.ControlCharactersCode)]
    [InlineData("a\u202Eb", IdentifierRules.BidiControlCode)]
    [InlineData("a\u202Ab", IdentifierRules.BidiControlCode)]
    [InlineData("a\u2066b", IdentifierRules.BidiControlCode)]
    [InlineData("a\u2069b", IdentifierRules.BidiControlCode)]
    [InlineData("a\u200Eb", IdentifierRules.BidiControlCode)]
    [InlineData("a\u061Cb", IdentifierRules.BidiControlCode)]
    [InlineData("a\u200Bb", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u200Cb", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u2060b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\uFEFFb", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u00ADb", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u00A0b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u3000b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u2028b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u3164b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u2800b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\u034Fb", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("\u2764\uFE0F", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\U000E0041b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\U000E0100b", IdentifierRules.InvisibleCharactersCode)]
    [InlineData("a\uFFFDb", IdentifierRules.InvalidEncodingCode)]
    [InlineData("a\uD800b", IdentifierRules.InvalidEncodingCode)]
    [InlineData("a\uDC00", IdentifierRules.InvalidEncodingCode)]
    public void Violation_NamesTheRule_AndTheCodePoint(string id, string code)
    {
        var violation = IdentifierRules.Violation(id, "actor");

        Assert.NotNull(violation);
        Assert.StartsWith(code + ": actor contains", violation, StringComparison.Ordinal);
        Assert.DoesNotContain(violation, c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u202E' or '\u200B');
    }

    [Fact]
    public void Violation_CountsLengthInUtf16Units_Up_To256()
    {
        Assert.Null(IdentifierRules.Violation(new string('x', 256), "ip"));
        Assert.StartsWith(IdentifierRules.IdTooLongCode + ": ip is 257 characters", IdentifierRules.Violation(new string('x', 257), "ip"), StringComparison.Ordinal);
    }
}
