using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharpMlp;

/// <summary>INIT001: zero weights in a hidden layer; every unit of fc1 computes the same thing forever.</summary>
public sealed class ZeroInitMlp : Module<Tensor, Tensor>
{
    private readonly Linear fc1 = Linear(784, 256);
    private readonly Linear fc2 = Linear(256, 10);

    public ZeroInitMlp() : base(nameof(ZeroInitMlp))
    {
        init.zeros_(fc1.weight);
        init.zeros_(fc1.bias); // not reported: a zero bias is standard
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc2.forward(functional.relu(fc1.forward(x)));
}

/// <summary>INIT003: Xavier before ReLU halves the signal's variance at every layer; INIT004: N(0, 1) ignores fan-in.</summary>
public sealed class MismatchedMlp : Module<Tensor, Tensor>
{
    private readonly Linear fc1 = Linear(784, 256);
    private readonly Linear fc2 = Linear(256, 128);
    private readonly Linear fc3 = Linear(128, 10);

    public MismatchedMlp() : base(nameof(MismatchedMlp))
    {
        init.xavier_uniform_(fc1.weight);
        init.normal_(fc2.weight);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = fc1.forward(x).relu();
        x = fc2.forward(x).tanh();
        return fc3.forward(x).log_softmax(1);
    }
}

/// <summary>INIT005: a weight made from uninitialized memory that nothing writes; INIT006: xavier_normal_ draws uniform values.</summary>
public sealed class CustomLayers : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Linear head = Linear(64, 10);

    public CustomLayers() : base(nameof(CustomLayers))
    {
        weight = torch.empty(64, 784).AsParameter();
        init.xavier_normal_(head.weight);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => head.forward(functional.linear(x, weight).tanh());
}

/// <summary>Not reported: the framework's default initialization, BatchNorm scale 1 and shift 0, He before ReLU.</summary>
public sealed class CleanConvNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(1, 32, 3);
    private readonly BatchNorm2d norm = BatchNorm2d(32);
    private readonly Linear fc = Linear(32 * 26 * 26, 10);

    public CleanConvNet() : base(nameof(CleanConvNet))
    {
        init.kaiming_normal_(conv.weight, nonlinearity: init.NonlinearityType.ReLU);
        init.ones_(norm.weight);
        init.zeros_(norm.bias);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc.forward(functional.relu(norm.forward(conv.forward(x))).flatten(1));
}
