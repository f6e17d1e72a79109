using System;
using HandWrittenMlp;

var network = new Mlp(inputs: 784, hiddenUnits: 128, outputs: 10, new Random(42));
var scores = network.Forward(new double[784]);
Console.WriteLine($"scores: {string.Join(", ", Array.ConvertAll(scores, s => s.ToString("F3")))}");
