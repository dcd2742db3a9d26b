using System.Globalization;
using System.Text;

namespace Negotiations.EventSourcing;

/// <summary>
/// What a string the library stores may hold, in one place: no NUL, no lone surrogate, no control character (line
/// breaks and tabs allowed in free text). Ids, stream keys, metadata and the command rules all ask here.
/// </summary>
internal static class TextRules
{
    /// <summary>Why <paramref name="value"/> breaks the text rules, or null when it keeps them.</summary>
    /// <param name="value">The text.</param>
    /// <param name="lineBreaks">True for free text, where <c>\n</c>, <c>\r</c> and <c>\t</c> are allowed.</param>
    public static string? Problem(string value, bool lineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"a lone surrogate (U+{(int)c:X4}) at position {i}";
            }

            if (char.IsLowSurrogate(c))
            {
                return $"a lone surrogate (U+{(int)c:X4}) at position {i}";
            }

            if (c == '\0')
            {
                return $"the NUL character at position {i}";
            }

            if (char.IsControl(c) && !(lineBreaks && c is '\n' or '\r' or '\t'))
            {
                return $"the control character U+{(int)c:X4} at position {i}{(lineBreaks ? string.Empty : " (line breaks and tabs are not allowed here)")}";
            }
        }

        return null;
    }

    /// <summary>
    /// A value shown in a message: quoted, at most 40 characters of it, with control characters and lone surrogates
    /// escaped, so that a message never carries a megabyte or a character that breaks a log line.
    /// </summary>
    public static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        const int shown = 40;
        var builder = new StringBuilder(Math.Min(value.Length, shown) + 32).Append('\'');
        for (var i = 0; i < value.Length && i < shown; i++)
        {
            var c = value[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (paired && i + 1 < shown)
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('\'');
        return value.Length > shown
            ? builder.Append(CultureInfo.InvariantCulture, $"... ({value.Length:N0} characters)").ToString()
            : builder.ToString();
    }
}
