using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using InitAnalyzers.Recognizers;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>The text search behind the cheap gates finds whole words exactly where a regular expression does, at every position of a long text.</summary>
public sealed class TextSearchTests
{
    private const int LongText = 16 * 1024;

    [Theory]
    [InlineData(LongText - 3)]
    [InlineData(LongText)]
    [InlineData(LongText + 2)]
    [InlineData(LongText + 4)]
    [InlineData(2 * LongText + 1)]
    public void Whole_words_are_found_at_every_position_near_the_end(int length)
    {
        const string word = "weights";
        for (var at = length - 3 * word.Length; at <= length; at += 3)
        {
            var chars = Enumerable.Range(0, length).Select(i => i % 11 == 0 ? ' ' : 'x').ToArray();
            var start = System.Math.Max(0, System.Math.Min(at, length - word.Length));
            word.CopyTo(0, chars, start, word.Length);
            if (start > 0)
            {
                chars[start - 1] = ' ';
            }

            var text = new string(chars);
            var expected = Regex.Matches(text, @"(?<![\w])weights(?![\w])").Select(match => match.Index).ToArray();
            var found = TextSearch.Occurrences(SourceText.From(text), word, CancellationToken.None).ToArray();
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void A_text_shorter_than_the_word_has_no_occurrence() =>
        Assert.Empty(TextSearch.Occurrences(SourceText.From("w"), "weights", CancellationToken.None));
}
