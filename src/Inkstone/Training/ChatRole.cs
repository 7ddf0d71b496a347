namespace Inkstone.Training;

/// <summary>The roles a supervised fine-tuning sample may carry; tool and function turns are not part of this pipeline.</summary>
public enum ChatRole
{
    System,
    User,
    Assistant,
}
