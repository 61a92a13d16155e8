import rule from '../../../src/rules/dockerfile/pip-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install flask==3.0.3 "requests>=2,<3" attrs~=23.2\n' },
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n' },
    { code: 'FROM python:3.12\nRUN pip install --requirement=requirements.txt\n' },
    { code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask\n', name: 'a constraints file pins' },
    { code: 'FROM python:3.12\nRUN pip install .\n' },
    { code: 'FROM python:3.12\nRUN pip install -e ./lib ./dist/app-1.0-py3-none-any.whl src/\n' },
    { code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2#egg=repo\n' },
    { code: 'FROM python:3.12\nRUN pip install https://example.org/pkg.zip\n' },
    {
      code: 'FROM python:3.12\nRUN pip install -i https://mirror.example/simple --trusted-host mirror.example flask==3.0.3\n',
    },
    { code: 'FROM python:3.12\nRUN pip install --root-user-action ignore poetry==1.8.5\n' },
    { code: 'FROM python:3.12\nRUN pipx install --python "$(which python3)" "poetry==1.8.5"\n' },
    { code: 'FROM python:3.12\nARG FLASK=3.0.3\nRUN pip install "flask==${FLASK}"\n' },
    { code: 'FROM python:3.12\nRUN pipenv install black\n', name: 'pipenv reads its lockfile' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install --upgrade pip setuptools==75.1.0\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message:
            'pin the version of `pip` (`pip install <package>==<version>`) or install from a requirements file',
        },
      ],
    },
    {
      name: 'python -m pip and pip3',
      code: 'FROM python:3.12\nRUN python3 -m pip install uvicorn && pip3 install gunicorn\n',
      errors: [
        { line: 2, column: 5, endColumn: 27 },
        { line: 2, column: 39, endColumn: 51 },
      ],
    },
    {
      name: 'a git URL without a ref; packages from a build argument; pipx',
      code: 'FROM python:3.12\nARG PKGS="black isort"\nRUN pip install git+ssh://git@github.com/org/repo.git#egg=repo \\\n && pipx install $PKGS\n',
      errors: [
        { line: 3, column: 5, message: /`git\+ssh:\/\/git@github.com\/org\/repo.git#egg=repo`/ },
        {
          line: 4,
          column: 5,
          endColumn: 17,
          message:
            'pin the version of `black` and `isort` (`pipx install <package>==<version>`) or install from a requirements file',
        },
      ],
    },
  ],
});
