using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

namespace Assistant.Language.Entities;

/// <summary>
/// The Chinese Recognizers.Text models, built once: building one costs 130–420 ms, using it
/// 0.05–2 ms (toolchain.md). The static Recognize* helpers turned out to cache too (bench), but holding
/// the models here makes the cost explicit and lets WarmUp() pay it at start. The Parse* methods skip a
/// model when <see cref="RecognizerGate"/> shows the text cannot hold what it finds.
/// </summary>
/// <param name="gated">False runs every model on every text: the reference the gate is tested against.</param>
internal sealed class RecognizerModels(bool gated = true)
{
    private readonly Lazy<IModel> _currency = new(() => new NumberWithUnitRecognizer(Culture.Chinese).GetCurrencyModel());
    private readonly Lazy<IModel> _number = new(() => new NumberRecognizer(Culture.Chinese).GetNumberModel());
    private readonly Lazy<DateTimeModel> _dateTime = new(() => new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel());

    public IModel Currency => _currency.Value;
    public IModel Number => _number.Value;
    public DateTimeModel DateTime => _dateTime.Value;

    public List<ModelResult> ParseCurrency(string text) => !gated || RecognizerGate.MayHoldAmount(text) ? Currency.Parse(text) : [];

    public List<ModelResult> ParseNumber(string text) => !gated || RecognizerGate.MayHoldNumber(text) ? Number.Parse(text) : [];

    public List<ModelResult> ParseDateTime(string text, DateTime reference) =>
        !gated || RecognizerGate.MayHoldDate(text) ? DateTime.Parse(text, reference) : [];

    public void WarmUp()
    {
        // Each model compiles its regexes lazily on the first parse, so parse once, not only construct.
        Currency.Parse("预算五十万元");
        Number.Parse("预算五十万");
        DateTime.Parse("2025年3月1日前，下周五之前", new System.DateTime(2025, 1, 1));
    }
}
