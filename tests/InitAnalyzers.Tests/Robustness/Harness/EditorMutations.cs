using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InitAnalyzers.Tests.Robustness.Harness;

/// <summary>
/// Code as an editor hands it to analyzers while someone types: cut short, with tokens missing or doubled, braces and
/// semicolons out of balance, lines duplicated or swapped, numbers retyped. Every mutation is a function of the text and
/// the <see cref="Random"/> it is given, so a seed reproduces a variant exactly.
/// </summary>
public static class EditorMutations
{
    private static readonly (string Name, Func<string, SyntaxToken[], Random, string> Apply)[] Kinds =
    {
        ("cut at a random point", (text, _, random) => text.Substring(0, random.Next(text.Length + 1))),
        ("cut inside a token", (text, tokens, random) => CutInsideToken(text, Pick(tokens, random), random)),
        ("delete a random span", (text, _, random) => DeleteSpan(text, random, maxLength: 80)),
        ("delete one token", (text, tokens, random) => DeleteTokens(text, tokens, random, count: 1)),
        ("delete several tokens", (text, tokens, random) => DeleteTokens(text, tokens, random, count: 2 + random.Next(6))),
        ("delete a token of a kind", (text, tokens, random) => DeleteTokenOfKind(text, tokens, random)),
        ("remove semicolons", (text, tokens, random) => DeleteTokens(text, tokens.Where(token => token.IsKind(SyntaxKind.SemicolonToken)).ToArray(), random, count: 1 + random.Next(3))),
        ("remove a closing brace", (text, tokens, random) => DeleteTokens(text, tokens.Where(token => token.IsKind(SyntaxKind.CloseBraceToken)).ToArray(), random, count: 1)),
        ("insert an opening brace", (text, tokens, random) => InsertAtToken(text, tokens, random, " { ")),
        ("insert a closing brace", (text, tokens, random) => InsertAtToken(text, tokens, random, " } ")),
        ("duplicate a line", (text, _, random) => DuplicateLine(text, random)),
        ("swap two lines", (text, _, random) => SwapLines(text, random)),
        ("duplicate a token", (text, tokens, random) => Duplicate(text, Pick(tokens, random))),
        ("type a token from elsewhere", (text, tokens, random) => InsertAtToken(text, tokens, random, " " + Pick(tokens, random).Text + " ")),
        ("start a member access", (text, tokens, random) => InsertAfterIdentifier(text, tokens, random, ".")),
        ("start an indexer or call", (text, tokens, random) => InsertAfterIdentifier(text, tokens, random, random.Next(2) == 0 ? "[" : "(")),
        ("open a comment or string", (text, tokens, random) => InsertAtToken(text, tokens, random, new[] { "/*", "\"", "'", "//", "#if X\n" }[random.Next(5)])),
        ("retype a number", (text, tokens, random) => RetypeNumber(text, tokens, random)),
        ("retype an identifier", (text, tokens, random) => RetypeIdentifier(text, tokens, random)),
        ("delete a statement", (text, tokens, random) => DeleteStatement(text, random)),
    };

    /// <summary>A variant of <paramref name="text"/> after one to three edits, and what they were.</summary>
    public static (string Text, string Edits) Mutate(string text, Random random)
    {
        var edits = new List<string>();
        var count = 1 + (random.Next(4) == 0 ? random.Next(1, 3) : 0);
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            var tokens = Tokens(text);
            if (tokens.Length == 0)
            {
                break;
            }

            var (name, apply) = Kinds[random.Next(Kinds.Length)];
            text = apply(text, tokens, random);
            edits.Add(name);
        }

        return (text, string.Join(", then ", edits));
    }

    private static SyntaxToken[] Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text, CorpusProject.ParseOptions).GetRoot().DescendantTokens().Where(token => token.Span.Length > 0).ToArray();

    private static SyntaxToken Pick(SyntaxToken[] tokens, Random random) => tokens[random.Next(tokens.Length)];

    private static string Remove(string text, int start, int length) => text.Remove(start, Math.Min(length, text.Length - start));

    private static string CutInsideToken(string text, SyntaxToken token, Random random) => text.Substring(0, token.Span.Start + random.Next(token.Span.Length + 1));

    private static string DeleteSpan(string text, Random random, int maxLength)
    {
        var start = random.Next(text.Length);
        return Remove(text, start, 1 + random.Next(maxLength));
    }

    private static string DeleteTokens(string text, SyntaxToken[] tokens, Random random, int count)
    {
        if (tokens.Length == 0)
        {
            return text;
        }

        // Delete from the end so that earlier spans stay valid.
        var chosen = Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().OrderByDescending(token => token.Span.Start);
        var builder = new StringBuilder(text);
        foreach (var token in chosen)
        {
            builder.Remove(token.Span.Start, token.Span.Length);
        }

        return builder.ToString();
    }

    private static string DeleteTokenOfKind(string text, SyntaxToken[] tokens, Random random)
    {
        var kinds = new[] { SyntaxKind.OpenParenToken, SyntaxKind.CloseParenToken, SyntaxKind.OpenBracketToken, SyntaxKind.CloseBracketToken, SyntaxKind.EqualsToken, SyntaxKind.NewKeyword, SyntaxKind.CommaToken, SyntaxKind.AsteriskToken, SyntaxKind.PlusEqualsToken, SyntaxKind.DotToken, SyntaxKind.ReturnKeyword };
        var kind = kinds[random.Next(kinds.Length)];
        return DeleteTokens(text, tokens.Where(token => token.IsKind(kind)).ToArray(), random, count: 1);
    }

    private static string InsertAtToken(string text, SyntaxToken[] tokens, Random random, string inserted)
    {
        var token = Pick(tokens, random);
        var position = random.Next(2) == 0 ? token.Span.Start : token.Span.End;
        return text.Insert(position, inserted);
    }

    private static string InsertAfterIdentifier(string text, SyntaxToken[] tokens, Random random, string inserted)
    {
        var identifiers = tokens.Where(token => token.IsKind(SyntaxKind.IdentifierToken)).ToArray();
        return identifiers.Length == 0 ? text : text.Insert(Pick(identifiers, random).Span.End, inserted);
    }

    private static string Duplicate(string text, SyntaxToken token) => text.Insert(token.Span.End, " " + token.Text);

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        return string.Join("\n", lines);
    }

    private static string SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return text;
        }

        var index = random.Next(lines.Length - 1);
        (lines[index], lines[index + 1]) = (lines[index + 1], lines[index]);
        return string.Join("\n", lines);
    }

    /// <summary>A number retyped to a value the rules care about: zero, one, a fixed scale, a negative.</summary>
    private static string RetypeNumber(string text, SyntaxToken[] tokens, Random random)
    {
        var numbers = tokens.Where(token => token.IsKind(SyntaxKind.NumericLiteralToken)).ToArray();
        if (numbers.Length == 0)
        {
            return text;
        }

        var number = Pick(numbers, random);
        var replacement = new[] { "0", "1", "0.0", "1.0", "0.01", "-1", "2", "0.5f", "1e308", "int.MaxValue" }[random.Next(10)];
        return text.Remove(number.Span.Start, number.Span.Length).Insert(number.Span.Start, replacement);
    }

    /// <summary>An identifier half typed, or swapped for another one in the file.</summary>
    private static string RetypeIdentifier(string text, SyntaxToken[] tokens, Random random)
    {
        var identifiers = tokens.Where(token => token.IsKind(SyntaxKind.IdentifierToken)).ToArray();
        if (identifiers.Length == 0)
        {
            return text;
        }

        var identifier = Pick(identifiers, random);
        var replacement = random.Next(2) == 0 ? identifier.Text.Substring(0, random.Next(identifier.Text.Length)) : Pick(identifiers, random).Text;
        return text.Remove(identifier.Span.Start, identifier.Span.Length).Insert(identifier.Span.Start, replacement);
    }

    private static string DeleteStatement(string text, Random random)
    {
        var statements = CSharpSyntaxTree.ParseText(text, CorpusProject.ParseOptions).GetRoot().DescendantNodes()
            .Where(node => node is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax })
            .ToArray();
        if (statements.Length == 0)
        {
            return text;
        }

        var statement = statements[random.Next(statements.Length)];
        return Remove(text, statement.Span.Start, statement.Span.Length);
    }
}
