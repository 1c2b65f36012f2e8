using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Assistant.Language.Intents;

/// <summary>
/// Multiclass intent classifier: character 1–3-grams (no segmenter needed for Chinese) into a
/// maximum-entropy model, trained from the utterances in Data/intents.tsv. Training a few hundred
/// examples takes well under a second, so it is done at start-up rather than shipping a model file.
/// </summary>
public sealed class IntentClassifier
{
    private readonly ObjectPool<PredictionEngine<Input, Output>> _engines;
    private readonly string[] _labels;

    private IntentClassifier(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        var scoreColumn = model.GetOutputSchema(schema)["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        scoreColumn.GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<Input, Output>>(new EnginePolicy(ml, model, schema));
    }

    public IReadOnlyList<string> Labels => _labels;

    public static IntentClassifier Train(IEnumerable<IntentExample> examples, int seed = 7)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Input { Label = e.Intent, Text = ClassifierText.Prepare(e.Text) }));
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", options, nameof(Input.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = 0.01f,
                L1Regularization = 0f,
                MaximumNumberOfIterations = 200,
            }));
        var model = pipeline.Fit(data);
        return new IntentClassifier(ml, model, data.Schema);
    }

    /// <summary>All intents with their probabilities, best first.</summary>
    public IReadOnlyList<Intent> Rank(string text)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(new Input { Text = ClassifierText.Prepare(text), Label = "" }).Score;
            var ranked = new Intent[scores.Length];
            for (var i = 0; i < scores.Length; i++) ranked[i] = new Intent(_labels[i], Math.Round(scores[i], 4));
            // An insertion sort of a few dozen labels, stable as the OrderByDescending it replaces (ties keep label
            // order): LINQ's ordering was a fifth of the classifier's time per turn (perf).
            for (var i = 1; i < ranked.Length; i++)
            {
                var next = ranked[i];
                var j = i - 1;
                for (; j >= 0 && ranked[j].Confidence < next.Confidence; j--) ranked[j + 1] = ranked[j];
                ranked[j + 1] = next;
            }
            return ranked;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public sealed class Input
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    // PredictionEngine is not thread-safe; a small pool lets concurrent turns predict without a lock.
    private sealed class EnginePolicy(MLContext ml, ITransformer model, DataViewSchema schema) : IPooledObjectPolicy<PredictionEngine<Input, Output>>
    {
        public PredictionEngine<Input, Output> Create() => ml.Model.CreatePredictionEngine<Input, Output>(model, inputSchema: schema);
        public bool Return(PredictionEngine<Input, Output> obj) => true;
    }
}
