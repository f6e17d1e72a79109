using System;
using InitAnalyzers.Runtime;
using InitExperiment;
using InitExperiment.Network;
using Xunit;

namespace InitAnalyzers.Experiment.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_given_on_the_command_line_replace_the_defaults()
    {
        var options = ExperimentOptions.Parse(["--depths", "2,5,10,20", "--width", "32", "--seeds", "2", "--inits", "he,xavier,zero", "--activations", "tanh", "--out", "here"]);

        Assert.Equal([2, 5, 10, 20], options.Depths);
        Assert.Equal(32, options.Width);
        Assert.Equal(2, options.SeedCount);
        Assert.Equal([InitScheme.He, InitScheme.Xavier, InitScheme.Zero], options.Schemes);
        Assert.Equal([Activation.Tanh], options.Activations);
        Assert.Equal("here", options.OutputFolder);
        Assert.Equal(new ExperimentOptions().Epochs, options.Epochs);
    }

    [Theory]
    [InlineData("--depth", "2")]
    [InlineData("--depths", "0")]
    [InlineData("--width", "wide")]
    [InlineData("--inits", "kaiming")]
    [InlineData("--target", "1.5")]
    [InlineData("--epochs")]
    public void A_wrong_option_is_refused_with_a_message(params string[] args)
    {
        var error = Assert.Throws<FormatException>(() => ExperimentOptions.Parse(args));

        Assert.Contains(args[0], error.Message);
    }
}
