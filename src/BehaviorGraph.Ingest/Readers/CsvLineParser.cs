namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Splits one CSV line into fields, RFC 4180 within the line: a field is either unquoted (no quote in it) or wholly
/// quoted, with <c>""</c> for a quote inside; commas inside quotes belong to the field. A quote left open at the end
/// of the line, a quote inside an unquoted field and text after a closing quote make the line malformed: the line
/// break ends the row regardless, so a bad quote costs its own row only.
/// </summary>
internal static class CsvLineParser
{
    /// <summary>
    /// Splits <paramref name="line"/> (unquoting in place) into at most <paramref name="fields"/>.Length field ranges.
    /// Returns the number of fields the line has (it may exceed the span, whose extra fields are not stored), or -1
    /// with <paramref name="error"/> when the quoting is malformed.
    /// </summary>
    public static int Split(Span<char> line, Span<Range> fields, out string? error)
    {
        error = null;
        if (line.IndexOf('"') < 0)
        {
            return SplitUnquoted(line, fields);
        }

        var count = 0;
        var pos = 0;
        while (true)
        {
            int start, end;
            if (pos < line.Length && line[pos] == '"')
            {
                // Unquote in place: the field's text moves left over its opening quote and each doubled quote.
                start = pos;
                var write = pos;
                pos++;
                while (true)
                {
                    var quote = line[pos..].IndexOf('"');
                    if (quote < 0)
                    {
                        error = $"field {count + 1} opens a quote that the line does not close (a field never holds a line break)";
                        return -1;
                    }

                    line.Slice(pos, quote).CopyTo(line[write..]);
                    write += quote;
                    pos += quote + 1;
                    if (pos < line.Length && line[pos] == '"')
                    {
                        line[write++] = '"';
                        pos++;
                        continue;
                    }

                    break;
                }

                end = write;
                if (pos < line.Length && line[pos] != ',')
                {
                    error = $"field {count + 1} has text after its closing quote";
                    return -1;
                }
            }
            else
            {
                start = pos;
                var next = line[pos..].IndexOfAny(',', '"');
                if (next >= 0 && line[pos + next] == '"')
                {
                    error = $"field {count + 1} has a quote inside an unquoted value (quote the whole field and double the quote)";
                    return -1;
                }

                pos = next < 0 ? line.Length : pos + next;
                end = pos;
            }

            if (count < fields.Length)
            {
                fields[count] = start..end;
            }

            count++;
            if (pos >= line.Length)
            {
                return count;
            }

            pos++; // the comma; a comma that ends the line is followed by one empty field
        }
    }

    private static int SplitUnquoted(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = line[start..].IndexOf(',');
            var end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length)
            {
                fields[count] = start..end;
            }

            count++;
            if (comma < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }
}
