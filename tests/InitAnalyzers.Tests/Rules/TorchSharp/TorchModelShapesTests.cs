using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>
/// The model shapes of dotnet/TorchSharpExamples and TorchVision (written anew for these tests): as their authors initialize
/// them they raise nothing; with a planted bug, the bug is found through the same structure.
/// </summary>
public sealed class TorchModelShapesTests
{
    private static string MnistLike(string init) => Usings + $$"""
        public class Model : Module<Tensor, Tensor>
        {
            private Module<Tensor, Tensor> conv1 = Conv2d(1, 32, 3);
            private Module<Tensor, Tensor> conv2 = Conv2d(32, 64, 3);
            private Module<Tensor, Tensor> fc1 = Linear(9216, 128);
            private Module<Tensor, Tensor> fc2 = Linear(128, 10);
            private Module<Tensor, Tensor> pool1 = MaxPool2d(kernel_size: new long[] { 2, 2 });
            private Module<Tensor, Tensor> relu1 = ReLU();
            private Module<Tensor, Tensor> relu2 = ReLU();
            private Module<Tensor, Tensor> relu3 = ReLU();
            private Module<Tensor, Tensor> dropout1 = Dropout(0.25);
            private Module<Tensor, Tensor> dropout2 = Dropout(0.5);
            private Module<Tensor, Tensor> flatten = Flatten();
            private Module<Tensor, Tensor> logsm = LogSoftmax(1);

            public Model(string name, Device device = null) : base(name)
            {
                RegisterComponents();
                {{init}}
                if (device != null && device.type != DeviceType.CPU) this.to(device);
            }

            public override Tensor forward(Tensor input)
            {
                var l11 = conv1.forward(input);
                var l12 = relu1.forward(l11);
                var l21 = conv2.forward(l12);
                var l22 = relu2.forward(l21);
                var l23 = pool1.forward(l22);
                var l24 = dropout1.forward(l23);
                var x = flatten.forward(l24);
                var l31 = fc1.forward(x);
                var l32 = relu3.forward(l31);
                var l33 = dropout2.forward(l32);
                var l41 = fc2.forward(l33);
                return logsm.forward(l41);
            }
        }
        """;

    [Fact]
    public Task An_MNIST_model_on_the_framework_default_is_clean() => VerifyAsync(MnistLike(string.Empty));

    [Fact]
    public Task An_MNIST_model_with_a_zero_convolution_behind_Module_typed_fields() =>
        VerifyAsync(MnistLike("{|INIT001:init.zeros_(((Conv2d)conv2).weight)|};"));

    [Fact]
    public Task An_MNIST_model_with_Xavier_before_its_ReLU_layers() =>
        VerifyAsync(MnistLike("foreach (var m in modules()) { if (m is Linear l) {|INIT003:init.xavier_uniform_(l.weight)|}; }"));

    private static string AlexNetLike(string init) => Usings + $$"""
        public class AlexNet : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> features;
            private readonly Module<Tensor, Tensor> avgPool;
            private readonly Module<Tensor, Tensor> classifier;

            public AlexNet(string name, int numClasses) : base(name)
            {
                features = Sequential(
                    ("c1", Conv2d(3, 64, kernel_size: 3, stride: 2, padding: 1)),
                    ("r1", ReLU(inplace: true)),
                    ("mp1", MaxPool2d(kernel_size: new long[] { 2, 2 })),
                    ("c2", Conv2d(64, 192, kernel_size: 3, padding: 1)),
                    ("r2", ReLU(inplace: true)),
                    ("c3", Conv2d(192, 384, kernel_size: 3, padding: 1)),
                    ("r3", ReLU(inplace: true)));
                avgPool = AdaptiveAvgPool2d(new long[] { 2, 2 });
                classifier = Sequential(
                    ("d1", Dropout()),
                    ("l1", Linear(384 * 2 * 2, 4096)),
                    ("r1", ReLU(inplace: true)),
                    ("d2", Dropout()),
                    ("l2", Linear(4096, numClasses)));
                RegisterComponents();
                {{init}}
            }

            public override Tensor forward(Tensor input)
            {
                var f = features.forward(input);
                var avg = avgPool.forward(f);
                var x = avg.view(new long[] { avg.shape[0], 384 * 2 * 2 });
                return classifier.forward(x);
            }
        }
        """;

    [Fact]
    public Task An_AlexNet_of_named_tuples_is_clean() => VerifyAsync(AlexNetLike(string.Empty));

    [Fact]
    public Task An_AlexNet_with_unscaled_convolutions_found_through_named_parameters() =>
        VerifyAsync(AlexNetLike("foreach (var (pname, p) in features.named_parameters()) { if (pname.StartsWith(\"c\") && pname.EndsWith(\".weight\")) {|INIT004:init.normal_(p)|}; }"));

    private static string ResNetExampleLike(string extra) => Usings + $$"""
        public class ResNet : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers;
            private int in_planes = 64;

            public ResNet(string name, Func<string, int, int, int, Module<Tensor, Tensor>> block, int expansion, IList<int> num_blocks, int numClasses) : base(name)
            {
                var modules = new List<(string, Module<Tensor, Tensor>)>();
                modules.Add(($"conv2d-first", Conv2d(3, 64, kernel_size: 3, stride: 1, padding: 1, bias: false)));
                modules.Add(($"bnrm2d-first", BatchNorm2d(64)));
                modules.Add(($"relu-first", ReLU(inplace: true)));
                MakeLayer(modules, block, expansion, 64, num_blocks[0], 1);
                MakeLayer(modules, block, expansion, 128, num_blocks[1], 2);
                modules.Add(("avgpool", AvgPool2d(new long[] { 4, 4 })));
                modules.Add(("flatten", Flatten()));
                modules.Add(($"linear", Linear(128 * expansion, numClasses)));
                layers = Sequential(modules);
                RegisterComponents();
                {{extra}}
            }

            private void MakeLayer(List<(string, Module<Tensor, Tensor>)> modules, Func<string, int, int, int, Module<Tensor, Tensor>> block, int expansion, int planes, int num_blocks, int stride)
            {
                var strides = new List<int> { stride };
                for (var i = 0; i < num_blocks - 1; i++) strides.Add(1);
                for (var i = 0; i < strides.Count; i++)
                {
                    modules.Add(($"blck-{planes}-{i}", block($"blck-{planes}-{i}", in_planes, planes, strides[i])));
                    in_planes = planes * expansion;
                }
            }

            public override Tensor forward(Tensor input) => layers.forward(input);
        }

        public class BasicBlock : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers;
            private readonly Module<Tensor, Tensor> shortcut;

            public BasicBlock(string name, int in_planes, int planes, int stride) : base(name)
            {
                var modules = new List<(string, Module<Tensor, Tensor>)>();
                modules.Add(($"{name}-conv2d-1", Conv2d(in_planes, planes, kernel_size: 3, stride: stride, padding: 1, bias: false)));
                modules.Add(($"{name}-bnrm2d-1", BatchNorm2d(planes)));
                modules.Add(($"{name}-relu-1", ReLU(inplace: true)));
                modules.Add(($"{name}-conv2d-2", Conv2d(planes, planes, kernel_size: 3, stride: 1, padding: 1, bias: false)));
                modules.Add(($"{name}-bnrm2d-2", BatchNorm2d(planes)));
                layers = Sequential(modules);
                shortcut = stride != 1 || in_planes != planes
                    ? Sequential(($"{name}-conv2d-3", Conv2d(in_planes, planes, kernel_size: 1, stride: stride, bias: false)), ($"{name}-bnrm2d-3", BatchNorm2d(planes)))
                    : Sequential();
                modules.Add(($"{name}-relu-2", ReLU(inplace: true)));
                RegisterComponents();
            }

            public override Tensor forward(Tensor t)
            {
                var x = layers.forward(t);
                var y = shortcut.forward(t);
                return x.add_(y).relu_();
            }
        }
        """;

    [Fact]
    public Task A_ResNet_built_by_a_helper_from_block_delegates_is_clean() => VerifyAsync(ResNetExampleLike(string.Empty));

    [Fact]
    public Task A_ResNet_whose_blocks_zero_their_convolutions() =>
        VerifyAsync(ResNetExampleLike(string.Empty).Replace("modules.Add(($\"{name}-relu-2\", ReLU(inplace: true)));", "modules.Add(($\"{name}-relu-2\", ReLU(inplace: true)));\n        foreach (var m in layers.modules()) { if (m is Conv2d conv) {|INIT001:init.zeros_(conv.weight)|}; }"));

    [Fact]
    public Task Where_a_delegate_may_have_made_any_module_a_type_test_is_not_trusted() =>
        VerifyAsync(ResNetExampleLike("foreach (var (n, m) in named_modules()) { if (n.EndsWith(\"conv2d-first\") && m is Conv2d c) init.zeros_(c.weight); }"));

    private const string TorchVisionResNetLike = Usings + """
        public class ResNet : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv1;
            private readonly Module<Tensor, Tensor> bn1;
            private readonly Module<Tensor, Tensor> relu;
            private readonly Module<Tensor, Tensor> maxpool;
            private readonly Sequential layer1 = Sequential();
            private readonly Module<Tensor, Tensor> avgpool;
            private readonly Module<Tensor, Tensor> flatten;
            private readonly Module<Tensor, Tensor> fc;
            private readonly Func<int, Module<Tensor, Tensor>> norm_layer;

            public ResNet(int numClasses = 1000, bool zero_init_residual = false, Func<int, Module<Tensor, Tensor>>? norm_layer = null, string? weights_file = null) : base("resnet")
            {
                norm_layer = norm_layer is not null ? norm_layer : planes => BatchNorm2d(planes);
                this.norm_layer = norm_layer;
                conv1 = Conv2d(3, 64, kernel_size: 7, stride: 2, padding: 3, bias: false);
                bn1 = norm_layer(64);
                relu = ReLU(inplace: true);
                maxpool = MaxPool2d(kernel_size: 3, stride: 2, padding: 1);
                layer1.append(new Block(64, norm_layer));
                avgpool = nn.AdaptiveAvgPool2d(new long[] { 1, 1 });
                flatten = Flatten();
                fc = Linear(64, numClasses);
                RegisterComponents();

                if (string.IsNullOrEmpty(weights_file))
                {
                    foreach (var (_, m) in named_modules())
                    {
                        switch (m)
                        {
                            case TorchSharp.Modules.Conv2d conv:
                                torch.nn.init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                                break;
                            case TorchSharp.Modules.BatchNorm2d bn:
                                torch.nn.init.constant_(bn.weight, 1);
                                torch.nn.init.constant_(bn.bias, 0);
                                break;
                            case TorchSharp.Modules.GroupNorm gn:
                                torch.nn.init.constant_(gn.weight, 1);
                                torch.nn.init.constant_(gn.bias, 0);
                                break;
                        }
                    }

                    if (zero_init_residual)
                    {
                        foreach (var (_, m) in named_modules())
                        {
                            if (m is Block block && block.bn2 is TorchSharp.Modules.BatchNorm2d last)
                            {
                                torch.nn.init.constant_(last.weight, 0);
                            }
                        }
                    }
                }
                else
                {
                    this.load(weights_file!, skip: new[] { "fc.weight", "fc.bias" });
                }
            }

            public override Tensor forward(Tensor input)
            {
                using var scope = NewDisposeScope();
                var x = maxpool.call(relu.call(bn1.call(conv1.call(input))));
                x = layer1.call(x);
                var res = fc.call(flatten.call(avgpool.call(x)));
                scope.MoveToOuter(res);
                return res;
            }
        }

        public class Block : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv1;
            private readonly Module<Tensor, Tensor> bn1;
            private readonly Module<Tensor, Tensor> conv2;
            public readonly Module<Tensor, Tensor> bn2;

            public Block(int planes, Func<int, Module<Tensor, Tensor>> norm_layer) : base("block")
            {
                conv1 = Conv2d(planes, planes, kernel_size: 3, padding: 1, bias: false);
                bn1 = norm_layer(planes);
                conv2 = Conv2d(planes, planes, kernel_size: 3, padding: 1, bias: false);
                bn2 = norm_layer(planes);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => (bn2.call(conv2.call(bn1.call(conv1.call(x)).relu())) + x).relu();
        }
        """;

    [Fact]
    public Task A_TorchVision_ResNet_with_zero_init_residual_and_a_weights_file_is_clean() => VerifyAsync(TorchVisionResNetLike);

    private static string VggLike(string convInit) => Usings + $$"""
        public class VGG : Module<Tensor, Tensor>
        {
            private static readonly long[] Channels = { 64, 0, 128, 0, 256, 256, 0 };
            private readonly Module<Tensor, Tensor> features;
            private readonly Module<Tensor, Tensor> avgpool;
            private readonly Module<Tensor, Tensor> classifier;

            public VGG(int numClasses, bool batch_norm, float dropout = 0.5f) : base("vgg")
            {
                var layers = new List<Module<Tensor, Tensor>>();
                long in_channels = 3;
                for (var i = 0; i < Channels.Length; i++)
                {
                    if (Channels[i] == 0)
                    {
                        layers.Add(MaxPool2d(kernel_size: 2, stride: 2));
                    }
                    else
                    {
                        layers.Add(Conv2d(in_channels, Channels[i], kernel_size: 3, padding: 1));
                        if (batch_norm)
                        {
                            layers.Add(BatchNorm2d(Channels[i]));
                        }

                        layers.Add(ReLU(inplace: true));
                        in_channels = Channels[i];
                    }
                }

                features = Sequential(layers);
                avgpool = AdaptiveAvgPool2d(new[] { 7L, 7L });
                classifier = Sequential(Linear(256 * 7 * 7, 4096), ReLU(true), Dropout(p: dropout), Linear(4096, 4096), ReLU(true), Dropout(p: dropout), Linear(4096, numClasses));
                RegisterComponents();

                foreach (var (_, m) in named_modules())
                {
                    switch (m)
                    {
                        case TorchSharp.Modules.Conv2d conv:
                            {{convInit}};
                            if (conv.bias is not null && !conv.bias.IsInvalid)
                            {
                                torch.nn.init.constant_(conv.bias, 0);
                            }

                            break;
                        case TorchSharp.Modules.BatchNorm2d bn:
                            torch.nn.init.constant_(bn.weight, 1);
                            torch.nn.init.constant_(bn.bias, 0);
                            break;
                        case TorchSharp.Modules.Linear ln:
                            torch.nn.init.normal_(ln.weight, 0, 0.01);
                            torch.nn.init.constant_(ln.bias, 0);
                            break;
                    }
                }
            }

            public override Tensor forward(Tensor input)
            {
                using (var _ = NewDisposeScope())
                {
                    input = features.call(input);
                    input = avgpool.call(input).flatten(1);
                    return classifier.call(input).MoveToOuterDisposeScope();
                }
            }
        }
        """;

    [Fact]
    public Task A_VGG_built_in_a_loop_with_optional_batch_norm_is_clean() =>
        VerifyAsync(VggLike("torch.nn.init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU)"));

    [Fact]
    public Task A_VGG_whose_convolutions_get_Xavier_through_the_loop_built_list() =>
        VerifyAsync(VggLike("{|INIT003:torch.nn.init.xavier_uniform_(conv.weight)|}"));

    [Fact]
    public Task A_MobileNetV2_style_cast_after_a_type_test_is_clean() => VerifyAsync(Usings + """
        public class MobileNetV2 : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> features;
            private readonly Module<Tensor, Tensor> classifier;

            public MobileNetV2(long num_classes = 1000, Func<long, Module<Tensor, Tensor>>? norm_layer = null, double dropout = 0.2) : base("mobilenet_v2")
            {
                norm_layer ??= features => nn.BatchNorm2d(features);
                var features = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(3, 32, 3, stride: 2, padding: 1, bias: false), norm_layer(32), nn.ReLU6(true) };
                for (var i = 0; i < 3; i++)
                {
                    features.Add(nn.Conv2d(32, 32, 3, padding: 1, groups: 32, bias: false));
                    features.Add(norm_layer(32));
                    features.Add(nn.ReLU6(true));
                }

                this.features = nn.Sequential(features);
                classifier = nn.Sequential(nn.Dropout(p: dropout), nn.Linear(32, num_classes));
                RegisterComponents();

                foreach (var (_, m) in named_modules())
                {
                    if (m is TorchSharp.Modules.Conv2d)
                    {
                        var conv = (TorchSharp.Modules.Conv2d)m;
                        nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut);
                        if (conv.bias is not null) nn.init.zeros_(conv.bias);
                    }
                    else if (m is TorchSharp.Modules.BatchNorm2d)
                    {
                        var norm = (TorchSharp.Modules.BatchNorm2d)m;
                        nn.init.ones_(norm.weight);
                        nn.init.zeros_(norm.bias);
                    }
                    else if (m is TorchSharp.Modules.Linear)
                    {
                        var linear = (TorchSharp.Modules.Linear)m;
                        nn.init.normal_(linear.weight, 0, 0.01);
                        nn.init.zeros_(linear.bias);
                    }
                }
            }

            public override Tensor forward(Tensor x)
            {
                x = features.call(x);
                x = nn.functional.adaptive_avg_pool2d(x, (1, 1));
                x = torch.flatten(x, 1);
                return classifier.call(x);
            }
        }
        """);

    [Fact]
    public Task An_Inception_style_small_classifier_over_a_wide_input_is_clean() => VerifyAsync(Usings + """
        public class Inception : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> stem = Conv2d(3, 2048, 3);
            private readonly Linear fc;

            public Inception(int num_classes) : base("inception")
            {
                fc = Linear(2048, num_classes);
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    switch (m)
                    {
                        case Linear ln:
                            torch.nn.init.trunc_normal_(ln.weight, 0, 0.1, -2, 2);
                            break;
                    }
                }

                torch.nn.init.normal_(fc.weight, 0, 0.01);
            }

            public override Tensor forward(Tensor x) => fc.forward(functional.adaptive_avg_pool2d(stem.forward(x).relu(), 1).flatten(1));
        }
        """);

    [Fact]
    public Task A_transformer_language_model_is_clean() => VerifyAsync(Usings + """
        public class TransformerModel : Module<Tensor, Tensor, Tensor>
        {
            private readonly TransformerEncoder transformer_encoder;
            private readonly Embedding encoder;
            private readonly Linear decoder;
            private readonly long ninputs;

            public TransformerModel(long ntokens, long ninputs, long nheads, long nhidden, long nlayers, double dropout = 0.5) : base("Transformer")
            {
                this.ninputs = ninputs;
                var encoder_layers = TransformerEncoderLayer(ninputs, nheads, nhidden, dropout);
                transformer_encoder = TransformerEncoder(encoder_layers, nlayers);
                encoder = Embedding(ntokens, ninputs);
                decoder = Linear(ninputs, ntokens);
                InitWeights();
                RegisterComponents();
            }

            private void InitWeights()
            {
                var initrange = 0.1;
                init.uniform_(encoder.weight, -initrange, initrange);
                init.zeros_(decoder.bias);
                init.uniform_(decoder.weight, -initrange, initrange);
            }

            public override Tensor forward(Tensor t, Tensor mask)
            {
                using var src = encoder.forward(t) * MathF.Sqrt(ninputs);
                using var enc = transformer_encoder.call(src, mask);
                return decoder.forward(enc);
            }
        }
        """);

    [Fact]
    public Task A_GRU_language_model_with_orthogonal_recurrent_weights_is_clean() => VerifyAsync(Usings + """
        public class CharModel : Module<Tensor, Tensor>
        {
            private readonly Embedding embed = Embedding(128, 64);
            private readonly GRU gru = GRU(64, 256, numLayers: 2, batchFirst: true);
            private readonly Linear head = Linear(256, 128);

            public CharModel() : base("char")
            {
                foreach (var (name, p) in gru.named_parameters())
                {
                    if (name.StartsWith("weight_hh")) init.orthogonal_(p);
                    else if (name.StartsWith("weight_ih")) init.xavier_uniform_(p);
                    else init.zeros_(p);
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var (output, _) = gru.call(embed.forward(x));
                return head.forward(output);
            }
        }
        """);

    [Fact]
    public Task A_GRU_with_zero_input_weights_is_reported() => VerifyAsync(Usings + """
        public class CharModel : Module<Tensor, Tensor>
        {
            private readonly GRU gru = GRU(64, 256);
            private readonly Linear head = Linear(256, 128);

            public CharModel() : base("char")
            {
                foreach (var (name, p) in gru.named_parameters())
                {
                    if (name.StartsWith("weight_ih")) {|INIT001:init.zeros_(p)|};
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => head.forward(gru.call(x).Item1);
        }
        """);
}
