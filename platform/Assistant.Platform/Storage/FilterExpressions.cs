using System.Linq.Expressions;

namespace Assistant.Platform.Storage;

public static class FilterExpressions
{
    /// <summary>Combines two filters into one expression both engines can translate (no Invoke nodes).</summary>
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), parameter);
    }

    /// <summary>A typed field selector as <c>x => (object)x.Field</c>, the shape index and sort builders take.</summary>
    public static Expression<Func<T, object>> AsObjectKey<T>(LambdaExpression field) =>
        Expression.Lambda<Func<T, object>>(Expression.Convert(field.Body, typeof(object)), field.Parameters);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
