import rule from '../../../src/rules/dockerfile/python-unbuffered.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n' },
    {
      code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n',
      name: 'seed 001',
    },
    { code: 'FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERED=1\nFROM base\nCMD ["python", "a.py"]\n' },
    { code: 'FROM python:3.12-slim\nCMD ["python", "-u", "app.py"]\n' },
    { code: 'FROM node:20\nCMD ["node", "server.js"]\n' },
    {
      code: 'FROM debian:12\nRUN apt-get install -y python3\nCMD ["python3"]\n',
      name: 'an interactive interpreter',
    },
    {
      code: 'FROM python:3.12 AS build\nRUN pip wheel .\nFROM nginx:1.27\nCOPY x /x\n',
      name: 'only the final stage counts',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["uvicorn", "app.main:app"]\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 22,
          message:
            'no PYTHONUNBUFFERED in this Python image: logs arrive late and the last lines are lost on a crash; add ENV PYTHONUNBUFFERED=1',
          severity: 'info',
        },
      ],
    },
    {
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y python3\nCMD ["python3", "/srv/bot.py"]\n',
      errors: [{ line: 1, column: 6, message: /image that runs Python/ }],
    },
    {
      code: 'FROM docker.xuanyuan.run/python:3.10-slim\nCMD ["sh", "-c", "exec gunicorn app:app"]\n',
      errors: [{ line: 1, column: 6 }],
    },
  ],
});
