using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Assistant.Platform.Storage;

/// <summary>
/// The features' LINQ filters, run over documents in memory (<see cref="LogStore"/>). Compiling an expression costs
/// far more than running it, so each filter is compiled once per shape: the values it captures or holds as constants
/// become an argument (as EF Core's query cache does), and the same filter with another project id reuses the delegate.
/// Member access on a null value gives the default instead of throwing, as a null field simply fails to match on
/// MongoDB. Comparisons of an indexed field with a value are reported so the caller can start from that index.
/// </summary>
internal static class LogQuery<T>
{
    public sealed record Compiled<TResult>(Func<object?[], T, TResult> Run, IReadOnlyList<(string Path, int Value)> Equalities);

    private const int MaxShapes = 4_096;
    private static readonly ConcurrentDictionary<string, object> Shapes = new(StringComparer.Ordinal);
    private static int _shapes;

    public static (Compiled<TResult> Query, object?[] Values) Prepare<TResult>(Expression<Func<T, TResult>> expression)
    {
        var values = Expression.Parameter(typeof(object?[]), "values");
        var extractor = new ValueExtractor(values);
        var body = extractor.Visit(expression.Body);
        var key = typeof(TResult).Name + ":" + expression.Parameters[0].Name + "=>" + body;
        if (Shapes.TryGetValue(key, out var known)) return ((Compiled<TResult>)known, [.. extractor.Values]);
        var compiled = new Compiled<TResult>(
            Expression.Lambda<Func<object?[], T, TResult>>(new NullSafe().Visit(body), values, expression.Parameters[0]).Compile(),
            Equalities(body, expression.Parameters[0], values));
        // A program that builds filters from user text could make shapes without end: beyond the cap, compile each time.
        if (Interlocked.Increment(ref _shapes) <= MaxShapes) Shapes.TryAdd(key, compiled);
        return (compiled, [.. extractor.Values]);
    }

    /// <summary>"Field.Sub" of <c>x.Field.Sub</c> on the lambda's parameter, else null.</summary>
    public static string? PathOf(Expression expression, ParameterExpression parameter)
    {
        var names = new List<string>();
        var node = Unwrap(expression);
        while (node is MemberExpression member)
        {
            names.Add(member.Member.Name);
            node = member.Expression is null ? null : Unwrap(member.Expression);
        }
        if (node != parameter || names.Count == 0) return null;
        names.Reverse();
        return string.Join('.', names);
    }

    private static Expression Unwrap(Expression node)
    {
        while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) node = convert.Operand;
        return node;
    }

    /// <summary>The <c>field == value</c> parts a filter must satisfy (those joined by AND at its top).</summary>
    private static List<(string, int)> Equalities(Expression body, ParameterExpression parameter, ParameterExpression values)
    {
        var found = new List<(string, int)>();
        Collect(body);
        return found;

        void Collect(Expression node)
        {
            if (node is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
            {
                Collect(and.Left);
                Collect(and.Right);
            }
            else if (node is BinaryExpression { NodeType: ExpressionType.Equal } equal)
            {
                if (PathOf(equal.Left, parameter) is { } left && ValueIndex(equal.Right) is { } right) found.Add((left, right));
                else if (PathOf(equal.Right, parameter) is { } path && ValueIndex(equal.Left) is { } value) found.Add((path, value));
            }
        }

        int? ValueIndex(Expression node) =>
            Unwrap(node) is BinaryExpression { NodeType: ExpressionType.ArrayIndex, Right: ConstantExpression { Value: int index } } access
            && access.Left == values ? index : null;
    }

    /// <summary>Replaces constants and captured variables with <c>values[i]</c>, collecting their values.</summary>
    private sealed class ValueExtractor(ParameterExpression values) : ExpressionVisitor
    {
        public List<object?> Values { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node) => Argument(node.Value, node.Type);

        protected override Expression VisitMember(MemberExpression node) =>
            TryEvaluate(node, out var value) ? Argument(value, node.Type) : base.VisitMember(node);

        private Expression Argument(object? value, Type type)
        {
            Values.Add(value);
            return Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(Values.Count - 1)), type);
        }

        /// <summary>A chain of fields and properties that starts from a constant (a closure): read it now.</summary>
        private static bool TryEvaluate(MemberExpression node, out object? value)
        {
            value = null;
            object? target;
            if (node.Expression is ConstantExpression constant) target = constant.Value;
            else if (node.Expression is MemberExpression inner && TryEvaluate(inner, out var innerValue)) target = innerValue;
            else return false;
            if (target is null) return false;
            value = node.Member switch
            {
                FieldInfo field => field.GetValue(target),
                PropertyInfo property => property.GetValue(target),
                _ => throw new NotSupportedException(node.Member.GetType().Name),
            };
            return true;
        }
    }

    /// <summary>
    /// <c>a.B</c> and <c>a.M()</c> (and extension calls on <c>a</c>) where <c>a</c> comes from a document become
    /// <c>a == null ? default : …</c>.
    /// </summary>
    private sealed class NullSafe : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            var target = node.Expression is null ? null : Visit(node.Expression);
            var updated = node.Update(target);
            return target is not null && FromDocument(target) ? Guard(target, updated) : updated;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var target = node.Object is null ? null : Visit(node.Object);
            var arguments = node.Arguments.Select(Visit).ToList();
            var updated = node.Update(target, arguments!);
            if (target is not null && FromDocument(target)) return Guard(target, updated);
            if (node.Method.IsDefined(typeof(ExtensionAttribute)) && arguments.Count > 0 && FromDocument(arguments[0]!))
                return Guard(arguments[0]!, updated);
            return updated;
        }

        private static bool FromDocument(Expression node) => !node.Type.IsValueType && HasParameter.In(node);

        private static Expression Guard(Expression target, Expression access) =>
            Expression.Condition(Expression.ReferenceEqual(target, Expression.Constant(null, target.Type)), Expression.Default(access.Type), access);
    }

    private sealed class HasParameter : ExpressionVisitor
    {
        private bool _found;

        public static bool In(Expression node)
        {
            var finder = new HasParameter();
            finder.Visit(node);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node.Type != typeof(object?[])) _found = true;
            return node;
        }
    }
}

/// <summary>How <see cref="LogStore"/> sorts: nulls first, strings by code unit (MongoDB compares bytes, not culture).</summary>
internal static class SortOrder
{
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => string.CompareOrdinal(a.GetType().Name, b.GetType().Name),
    };
}
