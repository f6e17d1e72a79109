using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Finds a word in source text without building syntax: a compilation-wide question about one name then costs a scan
/// of characters, and syntax is looked at only where the name occurs.
/// </summary>
internal static class TextSearch
{
    /// <summary>
    /// Each source text as one string, made once: every gate of every type in a file then searches the same characters
    /// with <see cref="string.IndexOf(string, int, int, StringComparison)"/>, which is vectorized, instead of copying them out.
    /// A text parsed from a string hands that string back without a copy.
    /// </summary>
    private static readonly ConditionalWeakTable<SourceText, string> Strings = new();

    /// <summary>
    /// The tokens of <paramref name="declaration"/> that start where <paramref name="literal"/> occurs in its text
    /// (<c>*</c>, <c>()</c>); occurrences in comments and strings give no token that starts there and are skipped.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, CancellationToken cancellationToken) =>
        TokensAt(declaration.SyntaxTree, declaration.Span, literal, wholeWord: false, cancellationToken, within: declaration);

    /// <summary>
    /// The tokens of <paramref name="declaration"/> that start where <paramref name="literal"/> occurs in its text right after
    /// one of <paramref name="after"/> (spaces aside) or at the start of a line: <c>] *</c> finds the products whose left
    /// factor is an element.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, string after, CancellationToken cancellationToken) =>
        TokensAt(declaration, literal, after, statementNames: null, cancellationToken);

    /// <summary>
    /// As <see cref="TokensAt(SyntaxReference, string, string, CancellationToken)"/>, where the statement around
    /// <paramref name="literal"/> (the text between the <c>;</c>, <c>{</c> or <c>}</c> before and after it) also names one of
    /// <paramref name="statementNames"/> as a whole word.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, string after, ICollection<string>? statementNames, CancellationToken cancellationToken)
    {
        var text = StringOf(declaration.SyntaxTree, cancellationToken);
        var span = declaration.Span;
        return TokensAt(declaration.SyntaxTree, span, literal, wholeWord: false, cancellationToken, within: declaration, accept: at =>
            FollowsOneOf(text, span, at, after) && (statementNames is null || StatementNames(text, span, at, statementNames)));
    }

    private static bool StatementNames(string text, TextSpan span, int at, ICollection<string> names)
    {
        var start = at;
        while (start > span.Start && text[start - 1] is not (';' or '{' or '}'))
        {
            start--;
        }

        var end = at;
        while (end < span.End && text[end] is not (';' or '{' or '}'))
        {
            end++;
        }

        var statement = new TextSpan(start, end - start);
        foreach (var name in names)
        {
            foreach (var _ in Occurrences(text, statement, name, wholeWord: true, StringComparison.Ordinal, CancellationToken.None))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tokens of <paramref name="declaration"/> where <paramref name="name"/> starts the value of a plain assignment or
    /// initializer (<c>= name</c>, <c>= this.name</c>): where a local may be given an array under another name.
    /// </summary>
    public static IEnumerable<SyntaxToken> AssignedNames(SyntaxReference declaration, string name, CancellationToken cancellationToken)
    {
        var text = StringOf(declaration.SyntaxTree, cancellationToken);
        var span = declaration.Span;
        return TokensAt(declaration.SyntaxTree, span, name, wholeWord: true, cancellationToken, within: declaration, accept: at =>
        {
            // A plain '=', not '==', '<=', '+=' or '=>'.
            var before = BeforeName(text, span, at);
            return before > span.Start && text[before] == '=' && "=<>!+-*/%&|^?".IndexOf(text[before - 1]) < 0;
        });
    }

    /// <summary>
    /// The tokens of <paramref name="declaration"/> where <paramref name="name"/> starts an argument (<c>(name</c>, <c>, name</c>,
    /// <c>(this.name</c>, <c>w: name</c>): where an array may be handed to a method.
    /// </summary>
    public static IEnumerable<SyntaxToken> ArgumentNames(SyntaxReference declaration, string name, CancellationToken cancellationToken)
    {
        var text = StringOf(declaration.SyntaxTree, cancellationToken);
        var span = declaration.Span;
        return TokensAt(declaration.SyntaxTree, span, name, wholeWord: true, cancellationToken, within: declaration, accept: at =>
            BeforeName(text, span, at) is var before && before >= span.Start && text[before] is '(' or ',' or ':');
    }

    /// <summary>
    /// The tokens of <paramref name="tree"/> where <paramref name="name"/> is called as a member of something (<c>x.name(</c>,
    /// <c>x?.name (</c>): a <c>.</c> before the name and a <c>(</c> after it, spaces aside, or a line break or a <c>/</c> on either
    /// side, where a comment may come between.
    /// </summary>
    public static IEnumerable<SyntaxToken> MemberCalls(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        var text = StringOf(tree, cancellationToken);
        var span = new TextSpan(0, text.Length);
        return TokensAt(tree, span, name, wholeWord: true, cancellationToken, accept: at =>
            FollowsOneOf(text, span, at, "./") && PrecedesOneOf(text, span, at + name.Length, "(/"));
    }

    /// <summary>
    /// True when the text of <paramref name="span"/> from <paramref name="at"/> starts, spaces aside, with one of
    /// <paramref name="next"/>, or a line break comes first (a comment may start on the next line).
    /// </summary>
    private static bool PrecedesOneOf(string text, TextSpan span, int at, string next)
    {
        while (at < span.End && char.IsWhiteSpace(text[at]))
        {
            if (text[at] == '\n')
            {
                return true;
            }

            at++;
        }

        return at < span.End && next.IndexOf(text[at]) >= 0;
    }

    /// <summary>Where the last character before the name at <paramref name="at"/> is, spaces and a <c>this.</c> aside.</summary>
    private static int BeforeName(string text, TextSpan span, int at)
    {
        var before = SkipSpacesBack(text, span, at - 1);
        if (before >= span.Start + 4 && text[before] == '.' && string.CompareOrdinal(text, before - 4, "this", 0, 4) == 0)
        {
            before = SkipSpacesBack(text, span, before - 5);
        }

        return before;
    }

    private static int SkipSpacesBack(string text, TextSpan span, int at)
    {
        while (at >= span.Start && char.IsWhiteSpace(text[at]))
        {
            at--;
        }

        return at;
    }

    /// <summary>
    /// True when the text of <paramref name="span"/> before <paramref name="at"/> ends, spaces aside, with one of
    /// <paramref name="after"/>, or a line break comes between (the text before may end a comment).
    /// </summary>
    public static bool FollowsOneOf(string text, TextSpan span, int at, string after)
    {
        var before = at - 1;
        var lineBreak = false;
        while (before >= span.Start && char.IsWhiteSpace(text[before]))
        {
            lineBreak |= text[before] == '\n';
            before--;
        }

        // After a line break the text before may end a comment, whatever its last character: the token decides.
        return before >= span.Start && (lineBreak || after.IndexOf(text[before]) >= 0);
    }

    /// <summary>The tokens of <paramref name="tree"/> that start where <paramref name="word"/> occurs as a whole word in its text.</summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, string word, CancellationToken cancellationToken) =>
        TokensAt(tree, new TextSpan(0, tree.Length), word, wholeWord: true, cancellationToken);

    /// <summary>True when <paramref name="word"/> occurs as a whole word in the text of <paramref name="declaration"/>.</summary>
    public static bool Mentions(SyntaxReference declaration, string word, CancellationToken cancellationToken)
    {
        using var found = Occurrences(StringOf(declaration.SyntaxTree, cancellationToken), declaration.Span, word, wholeWord: true, StringComparison.Ordinal, cancellationToken).GetEnumerator();
        return found.MoveNext();
    }

    /// <summary>True when <paramref name="part"/> occurs anywhere in the text of <paramref name="declaration"/>, also inside a longer word.</summary>
    public static bool Contains(SyntaxReference declaration, string part, StringComparison comparison, CancellationToken cancellationToken) =>
        StringOf(declaration.SyntaxTree, cancellationToken).IndexOf(part, declaration.Span.Start, declaration.Span.Length, comparison) >= 0;

    /// <summary>True when <paramref name="part"/> occurs anywhere in the text of <paramref name="tree"/>.</summary>
    public static bool Contains(SyntaxTree tree, string part, CancellationToken cancellationToken) =>
        StringOf(tree, cancellationToken).IndexOf(part, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The start of every occurrence of <paramref name="word"/>; with <paramref name="wholeWord"/>, only those that are not
    /// part of a longer identifier.
    /// </summary>
    public static IEnumerable<int> Occurrences(SourceText text, string word, CancellationToken cancellationToken, bool wholeWord = true) =>
        Occurrences(StringOf(text), new TextSpan(0, text.Length), word, wholeWord, StringComparison.Ordinal, cancellationToken);

    /// <remarks>A token is found from <paramref name="within"/>'s node when given: the path down to it from the root is not walked again for each.</remarks>
    private static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, TextSpan span, string literal, bool wholeWord, CancellationToken cancellationToken, SyntaxReference? within = null, Func<int, bool>? accept = null)
    {
        SyntaxNode? root = null;
        foreach (var at in Occurrences(StringOf(tree, cancellationToken), span, literal, wholeWord, StringComparison.Ordinal, cancellationToken))
        {
            if (accept is not null && !accept(at))
            {
                continue;
            }

            root ??= within?.GetSyntax(cancellationToken) ?? tree.GetRoot(cancellationToken);
            var token = (root.FullSpan.Contains(at) ? root : tree.GetRoot(cancellationToken)).FindToken(at);
            if (token.SpanStart == at)
            {
                yield return token;
            }
        }
    }

    private static IEnumerable<int> Occurrences(string text, TextSpan span, string word, bool wholeWord, StringComparison comparison, CancellationToken cancellationToken)
    {
        if (word.Length == 0 || span.End > text.Length)
        {
            yield break;
        }

        for (var at = span.Start; at + word.Length <= span.End; at++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            at = text.IndexOf(word, at, span.End - at, comparison);
            if (at < 0)
            {
                yield break;
            }

            if (!wholeWord || (at == 0 || !IsIdentifierPart(text[at - 1])) && (at + word.Length == text.Length || !IsIdentifierPart(text[at + word.Length])))
            {
                yield return at;
            }
        }
    }

    /// <summary>
    /// The last name of the dotted name that starts after <paramref name="from"/> (spaces aside), and where it starts:
    /// <c>Layer</c> in <c>new Nn.Layer(</c> or <c>new global::Nn.Layer(</c>; null when no name follows.
    /// </summary>
    public static (string Name, int Start)? LastNameAfter(string text, int from)
    {
        (string, int)? last = null;
        var at = SkipSpaces(text, from);
        while (at < text.Length && (char.IsLetter(text[at]) || text[at] is '_' or '@'))
        {
            var start = text[at] == '@' ? at + 1 : at;
            var end = start;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            last = (text.Substring(start, end - start), start);
            at = SkipSpaces(text, end);
            if (at < text.Length && text[at] == '.')
            {
                at = SkipSpaces(text, at + 1);
            }
            else if (at + 1 < text.Length && text[at] == ':' && text[at + 1] == ':')
            {
                at = SkipSpaces(text, at + 2);
            }
            else
            {
                break;
            }
        }

        return last;
    }

    public static string StringOf(SourceText text) => Strings.GetValue(text, source => source.ToString());

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static string StringOf(SyntaxTree tree, CancellationToken cancellationToken) => StringOf(tree.GetText(cancellationToken));

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
