using System;
using HandWrittenMlp;
using MathNet.Numerics.LinearAlgebra;

var random = new Random(42);
var mlp = new Mlp(inputs: 784, hiddenUnits: 128, outputs: 10, random);
var constant = new ConstantInitNetwork(inputs: 784, hiddenUnits: 64, outputs: 10, random);
var unscaled = new UnscaledRandomNetwork(random);
var matrices = new MatrixNetwork(inputs: 784, hiddenUnits: 128, outputs: 10);
var heTanh = new HeTanhNetwork(inputs: 784, hiddenUnits: 128, outputs: 10, random);

var digit = new double[784];
Console.WriteLine($"Mlp:                   {Format(mlp.Forward(digit))}");
Console.WriteLine($"ConstantInitNetwork:   {Format(Array.ConvertAll(constant.Forward(new float[784]), v => (double)v))}");
Console.WriteLine($"UnscaledRandomNetwork: {Format(unscaled.Forward(digit))}");
Console.WriteLine($"MatrixNetwork:         {Format(matrices.Forward(Vector<double>.Build.Dense(digit)).ToArray())}");
Console.WriteLine($"HeTanhNetwork:         {Format(heTanh.Forward(digit))}");

static string Format(double[] scores) => string.Join(", ", Array.ConvertAll(scores, s => s.ToString("F3")));
