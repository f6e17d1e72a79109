using System;
using CleanMlp;
using MathNet.Numerics.LinearAlgebra;

var random = new Random(42);
var mlp = new Mlp(inputs: 784, hiddenUnits: 128, outputs: 10, random);
var tanh = new TanhNetwork(inputs: 784, hiddenUnits: 64, outputs: 10, random);
var matrices = new MatrixNetwork(inputs: 784, hiddenUnits: 128, outputs: 10);

var digit = new double[784];
Console.WriteLine($"Mlp:           {Format(mlp.Forward(digit))}");
Console.WriteLine($"TanhNetwork:   {Format(Array.ConvertAll(tanh.Forward(new float[784]), v => (double)v))}");
Console.WriteLine($"MatrixNetwork: {Format(matrices.Forward(Vector<double>.Build.Dense(digit)).ToArray())}");

static string Format(double[] scores) => string.Join(", ", Array.ConvertAll(scores, s => s.ToString("F3")));
