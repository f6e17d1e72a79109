namespace InitAnalyzers.Runtime
{
    /// <summary>
    /// The 64-bit key of a Philox4x32 stream: one key names one reproducible sequence of weights.
    /// </summary>
    internal readonly struct PhiloxKey
    {
        /// <summary>Creates a key from its two 32-bit words.</summary>
        public PhiloxKey(uint low, uint high)
        {
            Low = low;
            High = high;
        }

        /// <summary>Creates a key from a 64-bit value (low word first).</summary>
        public PhiloxKey(ulong value)
            : this((uint)value, (uint)(value >> 32))
        {
        }

        /// <summary>Key word k0.</summary>
        public uint Low { get; }

        /// <summary>Key word k1.</summary>
        public uint High { get; }
    }
}
