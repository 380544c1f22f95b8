/** The digits scenario: its view, its per-class table, loading its data, and what the script leaves out, in English. */
export const digits = {
  'tab.digits': 'Digits',
  'digits.heading': 'Test digits as both models read them',
  'digits.intro':
    'One test digit of each class, upright (the old task) and turned {rotation}° (the new task). Under each: the class model_old gives it, then the class the model gives it now.',
  'digits.oldTask': 'Old task: upright',
  'digits.newTask': 'New task: turned {rotation}°',
  'digits.image': 'a handwritten {label}',
  'digits.imageTurned': 'a handwritten {label}, turned {rotation}°',
  'digits.modelOld': 'model_old',
  'digits.model': 'model',
  'digits.keyModelOld': 'first line: model_old’s class',
  'digits.keyModel': 'second line: the model’s class',
  'digits.right': 'right',
  'digits.wrong': 'wrong',
  'digits.waiting': 'The digits appear once pretraining has ended.',
  'digits.table.caption': 'Accuracy per digit on each task’s 2,000 test digits, at step {step}',
  'digits.table.digit': 'digit',
  'digits.table.oldTask': 'old task',
  'digits.table.newTask': 'new task',
  'digits.loading': 'Loading the handwritten digits (1.6 MB, from this site) …',
  'digits.loadFailed':
    'The handwritten digits could not be loaded ({message}). Reload the page, or choose the 2-D points scenario in Settings.',
  'digits.gap.digits': 'the handwritten digits',
  'digits.pytorchGap':
    'Open in PyTorch writes the 2-D points scenario with the KL on the fine-tuning batch; this run uses {what}, which the script does not cover yet. The JSON and CSV files record the run.',
};
