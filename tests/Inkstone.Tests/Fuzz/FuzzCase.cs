using System.Globalization;

namespace Inkstone.Tests.Fuzz;

/// <summary>One generated file: the texts of its valid records, and the mutation applied to one of them.</summary>
public sealed record FuzzCase(string[] Texts, int Target, RecordMutation Mutation, double Position, byte Byte, int Depth, int InvalidKind)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Texts.Length} records, record {Target + 1}: {Mutation} at {Position:F3} (byte 0x{Byte:X2}, depth {Depth}, kind {InvalidKind})");
}
